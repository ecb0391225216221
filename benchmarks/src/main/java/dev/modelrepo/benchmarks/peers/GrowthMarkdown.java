package dev.modelrepo.benchmarks.peers;

import static dev.modelrepo.benchmarks.peers.PeersReport.engineTitle;
import static dev.modelrepo.benchmarks.peers.PeersReport.fmt;
import static dev.modelrepo.benchmarks.peers.PeersReport.number;
import static dev.modelrepo.benchmarks.peers.PeersReport.ratio;
import static dev.modelrepo.benchmarks.peers.PeersReport.ratioError;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.modelrepo.benchmarks.peers.PeersReport.Score;

/**
 * The "costs that grow with the work" section of the peers report, from the JMH JSON of the growth benchmarks
 * ({@link CacheGrowthBenchmarks}, {@link IncludeGrowthBenchmarks}, {@link InListGrowthBenchmarks} and the start-up
 * {@code MetadataBenchmarks}): per benchmark and engine, each size's time and time per item for the baseline and
 * modelrepo, their ratio with its error, and the growth factor of the time per item from the size before (1.0 is
 * linear growth; 10 would be quadratic over a tenfold size). The query cache's item is one render, whatever the
 * number of shapes, with the cache's meters and retained heap beside it.
 */
final class GrowthMarkdown {

    /** A benchmark's rows: engine, then size, then contender. */
    private static final class Rows {
        final Map<String, Map<Integer, Map<String, Score>>> byEngine = new TreeMap<>();
    }

    private GrowthMarkdown() {
    }

    /** The section for these JMH JSON files' contents (none: empty). */
    static String markdown(List<String> jsons) {
        if (jsons.isEmpty()) {
            return "";
        }
        Map<String, Rows> byBenchmark = new LinkedHashMap<>();
        for (String name : List.of("CacheGrowthBenchmarks", "IncludeGrowthBenchmarks", "InListGrowthBenchmarks", "MetadataBenchmarks")) {
            byBenchmark.put(name, new Rows());
        }
        for (String json : jsons) {
            read(json, byBenchmark);
        }
        StringBuilder md = new StringBuilder("\n## Costs that grow with the work\n\n");
        md.append("Per item: the time divided by the size (the query cache: one render). Growth: the time per item at this size over that at the size before ")
                .append("(1.0 is linear growth; a tenfold size with a growth of 10 is quadratic). Ratios are to the baseline in the same ")
                .append("run, ± combining both scores' 99.9% half-intervals.\n");
        table(md, byBenchmark.get("CacheGrowthBenchmarks"), "Query cache: rendering N distinct query shapes in turn",
                "the default cache of " + String.format(Locale.ROOT, "%,d", dev.modelrepo.query.QueryCache.DEFAULT_MAX_SIZE)
                        + " entries against rendering every query (`QueryCache.disabled()`, the baseline); the cache's meters "
                        + "(`modelrepo.query.cache.*`) after each iteration, and the heap its entries retain",
                "shapes", "cacheOff", "modelrepo", "cache off", "cached");
        table(md, byBenchmark.get("IncludeGrowthBenchmarks"), "include(\"children\") of N parents (two children each)",
                "against hand-written JDBC running the same two queries (parents, then children by `= ANY(?)` in the same key chunks)",
                "parents", "jdbc", "modelrepo", "JDBC", "modelrepo");
        table(md, byBenchmark.get("InListGrowthBenchmarks"), "count of `Q.in(\"e.id\", param(\"ids\"))` with N keys (1,000,000 rows)",
                "against hand-written JDBC binding the same arrays (`= ANY(?)`); H2 is run to 10,000 keys only: it binds at most 65,536 "
                        + "elements an array, and the OR-ed arrays modelrepo sends past that make it scan the table comparing every "
                        + "row with every key (rows × keys: hours at 1,000,000)",
                "keys", "jdbc", "modelrepo", "JDBC", "modelrepo");
        table(md, byBenchmark.get("MetadataBenchmarks"), "Start-up metadata of N tables (PostgreSQL)",
                "`MetadataReader.readAll` (schema-wide, what `ModelRegistry.loadAll` does) against reading table by table (the baseline)",
                "tables", "tableByTable", "schemaWide", "table by table", "schema-wide");
        return md.toString();
    }

    private static void read(String json, Map<String, Rows> byBenchmark) {
        for (JsonNode result : JsonMapper.builder().build().readTree(json)) {
            String name = result.get("benchmark").asString();
            String[] parts = name.split("\\.");
            Rows rows = byBenchmark.get(parts[parts.length - 2]);
            if (rows == null) {
                continue;
            }
            String method = parts[parts.length - 1];
            String contender = method.substring(method.indexOf('_') + 1);
            JsonNode params = result.get("params");
            String engine = params.has("engine") ? params.get("engine").asString() : parts[parts.length - 2].startsWith("Metadata")
                    ? "postgresql" : "h2";
            int size = -1;
            for (String p : List.of("shapes", "parents", "values", "tables")) {
                if (params.has(p)) {
                    size = Integer.parseInt(params.get(p).asString());
                }
            }
            JsonNode metric = result.get("primaryMetric");
            Map<String, Double> secondary = new LinkedHashMap<>();
            JsonNode sec = result.get("secondaryMetrics");
            if (sec != null) {
                for (var e : sec.properties()) {
                    secondary.put(e.getKey(), number(e.getValue().get("score")));
                }
            }
            Score score = new Score(number(metric.get("score")), number(metric.get("scoreError")), metric.get("scoreUnit").asString(),
                    secondary, 0, false);
            rows.byEngine.computeIfAbsent(engine, k -> new TreeMap<>()).computeIfAbsent(size, k -> new LinkedHashMap<>())
                    .put(contender, score);
        }
    }

    private static void table(StringBuilder md, Rows rows, String title, String what, String unit, String base, String contender,
            String baseLabel, String contenderLabel) {
        if (rows.byEngine.isEmpty()) {
            return;
        }
        md.append("\n### ").append(title).append("\n\n").append(contenderLabel).append(" ").append(what).append(".\n");
        boolean cache = title.startsWith("Query cache");
        for (var engine : rows.byEngine.entrySet()) {
            md.append("\n").append(engineTitle(engine.getKey())).append(":\n\n");
            md.append("| ").append(unit).append(" | ").append(baseLabel).append(" | per item | growth | ").append(contenderLabel)
                    .append(" | per item | growth | ratio |").append(cache ? " hit ratio | evictions / op | entries | retained heap |" : "")
                    .append("\n|---:|---:|---:|---:|---:|---:|---:|---:|").append(cache ? "---:|---:|---:|---:|" : "").append('\n');
            Map<String, Double> previous = new LinkedHashMap<>();
            for (var row : engine.getValue().entrySet()) {
                int size = row.getKey();
                // a render is one query whatever the number of shapes: its item is the operation
                int items = cache ? 1 : size;
                Score b = row.getValue().get(base);
                Score c = row.getValue().get(contender);
                md.append(String.format(Locale.ROOT, "| %,d | %s | %s | %s | %s | %s | %s | %s |", size, time(b), perItem(b, items),
                        growth(previous, base, b, items), time(c), perItem(c, items), growth(previous, contender, c, items),
                        b == null || c == null ? "–" : fmt(ratio(c, b), 2) + " ± " + fmt(ratioError(c, b), 2)));
                if (cache) {
                    Map<String, Double> s = c == null ? Map.of() : c.secondary();
                    md.append(String.format(Locale.ROOT, " %s | %s | %s of %s | %s MB (%s B an entry) |", fmt(s.getOrDefault("·cache.hitRatio", Double.NaN), 3),
                            fmt(s.getOrDefault("·cache.evictionsPerOp", Double.NaN), 3), fmt(s.getOrDefault("·cache.size", Double.NaN), 0),
                            fmt(s.getOrDefault("·cache.maxSize", Double.NaN), 0), fmt(s.getOrDefault("·cache.retainedMB", Double.NaN), 2),
                            fmt(s.getOrDefault("·cache.bytesPerEntry", Double.NaN), 0)));
                }
                md.append('\n');
            }
        }
    }

    private static String time(Score s) {
        if (s == null) {
            return "not run";
        }
        double us = s.micros();
        String value = us >= 10_000 ? fmt(us / 1_000, 0) + " ms" : us >= 1 ? fmt(us, us >= 100 ? 0 : us >= 10 ? 1 : 2) + " µs"
                : fmt(us * 1_000, 0) + " ns";
        return value + " ± " + fmt(100 * s.relativeError(), 0) + "%";
    }

    private static String perItem(Score s, int size) {
        if (s == null) {
            return "–";
        }
        double ns = s.micros() * 1_000 / size;
        return ns >= 10_000 ? fmt(ns / 1_000, 1) + " µs" : fmt(ns, ns >= 100 ? 0 : 1) + " ns";
    }

    /** The time per item over that of the size before, remembering this one's. */
    private static String growth(Map<String, Double> previous, String contender, Score s, int size) {
        if (s == null) {
            return "–";
        }
        double perItem = s.micros() / size;
        Double before = previous.put(contender, perItem);
        return before == null ? "–" : "×" + fmt(perItem / before, 2);
    }
}
