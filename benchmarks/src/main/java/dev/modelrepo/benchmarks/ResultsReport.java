package dev.modelrepo.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns JMH's JSON results ({@code -rf json}) into a Markdown table of ratios to the hand-written JDBC baseline,
 * prints it, and writes it next to the JSON when asked:
 * <pre>{@code java -cp benchmarks.jar dev.modelrepo.benchmarks.ResultsReport results.json [results.md] [--note=TEXT]...}</pre>
 * Each {@code --note} becomes a line under the run description (run.sh notes the profile and the machine's load).
 * A ratio's error combines both scores' relative errors (JMH's 99.9% confidence half-intervals) in quadrature.
 * A verdict is "pass" or "MISS" when the whole interval is on one side of the target, and "… (within error)"
 * when the target lies inside it. Benchmarks missing from the file (a filtered run) are shown as "—".
 */
public final class ResultsReport {

    private static final String QUERIES = QueryBenchmarks.class.getSimpleName() + ".";

    private static final String RENDER = RenderBenchmarks.class.getSimpleName() + ".";

    /** A query rebuilt on every call: at most 1.30× the baseline, for both shapes. */
    static final double REBUILT_TARGET = 1.30;

    /** Render on a cache hit: at most 0.2 µs. */
    static final double CACHE_HIT_TARGET_NS = 200;

    private ResultsReport() {
    }

    public static void main(String[] args) throws IOException {
        List<String> files = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("--note=")) {
                notes.add(arg.substring("--note=".length()));
            }
            else {
                files.add(arg);
            }
        }
        if (files.isEmpty() || files.size() > 2) {
            System.err.println("usage: ResultsReport <jmh-results.json> [<report.md>] [--note=TEXT]...");
            System.exit(2);
        }
        String report = report(Files.readString(Path.of(files.get(0))), notes);
        System.out.print(report);
        if (files.size() == 2) {
            Path out = Path.of(files.get(1));
            if (out.toAbsolutePath().getParent() != null) {
                Files.createDirectories(out.toAbsolutePath().getParent());
            }
            Files.writeString(out, report);
        }
    }

    /** One benchmark's score, error and unit. */
    record Score(double score, double error, String unit) {

        double relativeError() {
            return Double.isNaN(error) ? 0 : error / score;
        }
    }

    /** The Markdown report for JMH's JSON output. */
    static String report(String json, List<String> notes) {
        JsonNode results = JsonMapper.builder().build().readTree(json);
        Map<String, Score> scores = new LinkedHashMap<>();
        JsonNode first = null;
        for (JsonNode result : results) {
            if (first == null) {
                first = result;
            }
            String name = result.get("benchmark").asString();
            String shortName = name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1);
            JsonNode metric = result.get("primaryMetric");
            scores.put(shortName, new Score(number(metric.get("score")), number(metric.get("scoreError")),
                    metric.get("scoreUnit").asString().replace("us/", "µs/")));
        }
        StringBuilder md = new StringBuilder();
        md.append("# modelrepo foundation benchmarks: H2 in-memory\n\n");
        if (first != null) {
            md.append(String.format(Locale.ROOT, "- JMH %s, %s %s, %s fork(s), warmup %s × %s, measurement %s × %s, %s thread(s), %d CPU(s)%n",
                    text(first, "jmhVersion"), text(first, "vmName"), text(first, "jdkVersion"), text(first, "forks"),
                    text(first, "warmupIterations"), text(first, "warmupTime"), text(first, "measurementIterations"),
                    text(first, "measurementTime"), text(first, "threads"), Runtime.getRuntime().availableProcessors()));
        }
        for (String note : notes) {
            md.append("- ").append(note).append('\n');
        }
        md.append("\nAverage time per operation (lower is better); error: JMH's 99.9% confidence half-interval. ")
                .append("A ratio's error combines both relative errors.\n");
        queryTable(md, "findById: one row by primary key", scores, "FindById", 1.10);
        queryTable(md, "list10: 10 rows of a department above a salary, by salary descending", scores, "List10", 1.20);
        renderTable(md, scores);
        return md.toString();
    }

    /** One contender's row: its label, its benchmark method, and its target ratio to the baseline (NaN: none). */
    private record Contender(String label, String method, double target) {
    }

    private static void queryTable(StringBuilder md, String title, Map<String, Score> scores, String shape, double target) {
        Score baseline = scores.get(QUERIES + "jdbc" + shape);
        String unit = baseline != null ? baseline.unit() : "µs/op";
        md.append("\n## ").append(title).append(" (").append(unit).append(")\n\n");
        md.append("| Contender | Score | Error | Ratio to JDBC | Ratio error | Target | Verdict |\n");
        md.append("|---|---:|---:|---:|---:|---:|---|\n");
        List<Contender> contenders = List.of(
                new Contender("JDBC `PreparedStatement` (baseline)", "jdbc" + shape, Double.NaN),
                new Contender("Spring `JdbcTemplate`", "jdbcTemplate" + shape, Double.NaN),
                new Contender("modelrepo, query reused", "modelrepo" + shape, target),
                new Contender("modelrepo, query rebuilt per call", "modelrepo" + shape + "Rebuilt", REBUILT_TARGET));
        for (Contender c : contenders) {
            Score s = scores.get(QUERIES + c.method());
            String targetCell = Double.isNaN(c.target()) ? "" : "≤ " + fmt(c.target(), 2) + "×";
            md.append("| ").append(c.label()).append(" | ");
            if (s == null) {
                md.append("— | | | | ").append(targetCell).append(" | not run |\n");
                continue;
            }
            md.append(fmt(s.score(), 3)).append(" | ± ").append(fmt(s.error(), 3)).append(" | ");
            if (baseline == null) {
                md.append("— | | ").append(targetCell).append(" | no baseline |\n");
                continue;
            }
            boolean isBaseline = s == baseline;
            double ratio = s.score() / baseline.score();
            double ratioError = isBaseline ? 0 : ratio * Math.hypot(s.relativeError(), baseline.relativeError());
            md.append(fmt(ratio, 2)).append("× | ").append(isBaseline ? "" : "± " + fmt(ratioError, 2)).append(" | ")
                    .append(targetCell).append(" | ")
                    .append(Double.isNaN(c.target()) ? "" : verdict(ratio, ratioError, c.target())).append(" |\n");
        }
    }

    private static void renderTable(StringBuilder md, Map<String, Score> scores) {
        Score hit = scores.get(RENDER + "renderCacheHit");
        String unit = hit != null ? hit.unit() : "ns/op";
        md.append("\n## Rendering the list10 query without executing it (").append(unit).append(")\n\n");
        md.append("| Variant | Score | Error | Ratio to cache hit | Target | Verdict |\n");
        md.append("|---|---:|---:|---:|---:|---|\n");
        List<String[]> rows = List.of(
                new String[] { "cache hit, query reused", "renderCacheHit" },
                new String[] { "cache hit, equal query rebuilt per call", "renderCacheHitRebuilt" },
                new String[] { "uncached (`QueryCache.disabled()`)", "renderUncached" });
        for (String[] row : rows) {
            Score s = scores.get(RENDER + row[1]);
            boolean targeted = row[1].equals("renderCacheHit");
            md.append("| ").append(row[0]).append(" | ");
            if (s == null) {
                md.append("— | | | ").append(targeted ? "≤ " + fmt(CACHE_HIT_TARGET_NS, 0) + " ns" : "").append(" | not run |\n");
                continue;
            }
            md.append(fmt(s.score(), 1)).append(" | ± ").append(fmt(s.error(), 1)).append(" | ");
            md.append(hit == null ? "—" : fmt(s.score() / hit.score(), 2) + "×").append(" | ");
            if (targeted) {
                double ns = toNanos(s.score(), s.unit());
                double err = Double.isNaN(s.error()) ? 0 : toNanos(s.error(), s.unit());
                md.append("≤ ").append(fmt(CACHE_HIT_TARGET_NS, 0)).append(" ns | ").append(verdict(ns, err, CACHE_HIT_TARGET_NS)).append(" |\n");
            }
            else {
                md.append(" | |\n");
            }
        }
    }

    static String verdict(double value, double error, double target) {
        if (value + error <= target) {
            return "pass";
        }
        if (value - error > target) {
            return "**MISS**";
        }
        return value <= target ? "pass (within error)" : "miss (within error)";
    }

    private static double toNanos(double value, String unit) {
        return switch (unit) {
            case "ns/op" -> value;
            case "µs/op" -> value * 1_000;
            case "ms/op" -> value * 1_000_000;
            case "s/op" -> value * 1_000_000_000;
            default -> throw new IllegalArgumentException("Not a time per operation: " + unit);
        };
    }

    /** JMH writes NaN (an error from one iteration) as the string "NaN". */
    private static double number(JsonNode node) {
        if (node == null || node.isNull()) {
            return Double.NaN;
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        try {
            return Double.parseDouble(node.asString());
        }
        catch (NumberFormatException ex) {
            return Double.NaN;
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? "?" : value.asString();
    }

    private static String fmt(double value, int decimals) {
        return Double.isNaN(value) ? "NaN" : String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
