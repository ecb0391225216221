package dev.modelrepo.benchmarks.peers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns the JMH JSON results of {@link PeersBenchmarks} and {@link CursorBenchmarks} into a Markdown report of ratios
 * to the hand-written JDBC baseline, per engine, with the targets' verdicts, modelrepo's observation overhead and the
 * cursor's heap, plus one SVG chart of the ratios per engine (drawn here, no external tool):
 * <pre>{@code java -cp benchmarks.jar dev.modelrepo.benchmarks.peers.PeersReport --out=DIR [--stem=peers] results.json... [--note=TEXT]...}</pre>
 * writes {@code DIR/STEM.md} and {@code DIR/STEM-ENGINE.svg}, and prints the Markdown. A ratio's error combines both
 * scores' relative errors (JMH's 99.9% confidence half-intervals) in quadrature. Benchmarks are found by their
 * {@code workload_contender} method names, so workloads added later (the bulk operations, say) get rows too.
 */
public final class PeersReport {

    /** Workloads in report order, with a description; others found in the results follow. */
    static final Map<String, String> WORKLOADS = new LinkedHashMap<>();

    static {
        WORKLOADS.put("findById", "one row by primary key");
        WORKLOADS.put("list10", "10 rows: a department above a salary floor, by salary descending");
        WORKLOADS.put("join100", "100 rows, each employee with its department (belongs-to join)");
        WORKLOADS.put("insert", "one row, returning its generated key");
        WORKLOADS.put("update", "one row's salary by primary key");
        WORKLOADS.put("insertBulk", "100,000 rows inserted in one transaction (one shot per iteration)");
        WORKLOADS.put("updateBulk", "10,000 rows' salary and title by primary key, in one transaction (one shot)");
        WORKLOADS.put("deleteBulk", "10,000 rows by primary key, in one transaction (one shot)");
        WORKLOADS.put("cursor", "1,000,000 rows streamed (one shot per iteration)");
    }

    /** Contenders in report order, with their labels; others found in the results follow. */
    static final Map<String, String> CONTENDERS = new LinkedHashMap<>();

    static {
        CONTENDERS.put("jdbc", "JDBC (baseline)");
        CONTENDERS.put("jdbcTemplate", "JdbcTemplate");
        CONTENDERS.put("jooq", "jOOQ");
        CONTENDERS.put("springData", "Spring Data JDBC");
        CONTENDERS.put("jdbi", "Jdbi");
        CONTENDERS.put("modelrepo", "modelrepo");
        CONTENDERS.put("modelrepoRebuilt", "modelrepo, query rebuilt");
        CONTENDERS.put("modelrepoNoCache", "modelrepo, cache off");
        CONTENDERS.put("modelrepoMetrics", "modelrepo, metrics on");
    }

    /** Targets of modelrepo (query reused, metrics off) as ratios to JDBC. */
    static final Map<String, Double> TARGETS = Map.of("findById", 1.10, "list10", 1.20, "join100", 1.25);

    static final double REBUILT_TARGET = 1.30;

    /**
     * The bulk issue's targets against a plain JDBC batch of single-row statements, per engine: on PostgreSQL
     * insertBulk ≥ 3×, updateBulk ≥ 1.8× and deleteBulk ≥ 5× as fast; on the embedded H2, where a batch costs no round
     * trips and is itself the fastest path, at least as fast as the batch.
     */
    static final Map<String, Double> ENGINE_TARGETS = Map.of("postgresql:insertBulk", 1 / 3.0, "postgresql:updateBulk", 1 / 1.8,
            "postgresql:deleteBulk", 1 / 5.0, "h2:insertBulk", 1.0, "h2:updateBulk", 1.0, "h2:deleteBulk", 1.0);

    /** Observation overhead target: at most 1 µs added per query. */
    static final double METRICS_TARGET_US = 1.0;

    static final double WARMING = 1.2;

    static final String[] COLORS = { "#7f7f7f", "#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd", "#d62728", "#e377c2", "#8c564b", "#17becf" };

    private PeersReport() {
    }

    /**
     * One result; {@code warming}: the measured iterations were still getting faster (the first half's mean is more
     * than {@value #WARMING} times the second half's), so the score overstates its steady state.
     */
    record Score(double score, double error, String unit, Map<String, Double> secondary, int samples, boolean warming) {

        String mark() {
            return warming ? " †" : "";
        }

        double relativeError() {
            return Double.isNaN(error) ? 0 : error / score;
        }

        double micros() {
            return toMicros(score, unit);
        }

        double errorMicros() {
            return Double.isNaN(error) ? 0 : toMicros(error, unit);
        }
    }

    /** Scores by engine, then workload, then contender. */
    static final class Results {
        final Map<String, Map<String, Map<String, Score>>> byEngine = new LinkedHashMap<>();
        final Set<String> workloads = new LinkedHashSet<>(WORKLOADS.keySet());
        final Set<String> contenders = new LinkedHashSet<>(CONTENDERS.keySet());
        /** ObservationBenchmarks: observeOff, observeOn. */
        final Map<String, Score> observation = new LinkedHashMap<>();
        JsonNode first;

        Score get(String engine, String workload, String contender) {
            return byEngine.getOrDefault(engine, Map.of()).getOrDefault(workload, Map.of()).get(contender);
        }
    }

    public static void main(String[] args) throws IOException {
        List<String> files = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Path out = null;
        String stem = "peers";
        for (String arg : args) {
            if (arg.startsWith("--note=")) {
                notes.add(arg.substring("--note=".length()));
            }
            else if (arg.startsWith("--out=")) {
                out = Path.of(arg.substring("--out=".length()));
            }
            else if (arg.startsWith("--stem=")) {
                stem = arg.substring("--stem=".length());
            }
            else {
                files.add(arg);
            }
        }
        if (files.isEmpty()) {
            System.err.println("usage: PeersReport [--out=DIR] [--stem=peers] <jmh-results.json>... [--note=TEXT]...");
            System.exit(2);
        }
        Results results = new Results();
        for (String file : files) {
            Path p = Path.of(file);
            if (Files.exists(p)) {
                read(Files.readString(p), results);
            }
            else {
                System.err.println("(no " + file + ": its rows are shown as not run)");
            }
        }
        String md = markdown(results, notes, stem);
        System.out.print(md);
        if (out != null) {
            Files.createDirectories(out);
            Files.writeString(out.resolve(stem + ".md"), md);
            for (String engine : results.byEngine.keySet()) {
                Files.writeString(out.resolve(stem + "-" + engine + ".svg"), svg(results, engine));
            }
        }
    }

    static void read(String json, Results results) {
        JsonNode array = JsonMapper.builder().build().readTree(json);
        for (JsonNode result : array) {
            if (results.first == null) {
                results.first = result;
            }
            String name = result.get("benchmark").asString();
            String method = name.substring(name.lastIndexOf('.') + 1);
            JsonNode params = result.get("params");
            String engine = params != null && params.get("engine") != null ? params.get("engine").asString() : "h2";
            JsonNode metric = result.get("primaryMetric");
            Map<String, Double> secondary = new LinkedHashMap<>();
            JsonNode sec = result.get("secondaryMetrics");
            if (sec != null) {
                for (var e : sec.properties()) {
                    secondary.put(e.getKey(), number(e.getValue().get("score")));
                }
            }
            JsonNode raw = metric.get("rawData");
            int samples = 0;
            boolean warming = false;
            if (raw != null) {
                for (JsonNode fork : raw) {
                    samples += fork.size();
                    int half = fork.size() / 2;
                    if (half > 0) {
                        double early = 0;
                        double late = 0;
                        for (int i = 0; i < half; i++) {
                            early += number(fork.get(i));
                            late += number(fork.get(fork.size() - 1 - i));
                        }
                        warming |= early > WARMING * late;
                    }
                }
            }
            Score score = new Score(number(metric.get("score")), number(metric.get("scoreError")), metric.get("scoreUnit").asString(),
                    secondary, samples, warming && !"ss".equals(text(result, "mode")));
            int u = method.indexOf('_');
            if (u < 0) {
                if (name.contains("ObservationBenchmarks")) {
                    results.observation.put(method, score);
                }
                continue;
            }
            String workload = method.substring(0, u);
            String contender = method.substring(u + 1);
            results.workloads.add(workload);
            results.contenders.add(contender);
            results.byEngine.computeIfAbsent(engine, k -> new LinkedHashMap<>()).computeIfAbsent(workload, k -> new LinkedHashMap<>())
                    .put(contender, score);
        }
    }

    // ================================================================ Markdown

    static String markdown(Results r, List<String> notes, String stem) {
        StringBuilder md = new StringBuilder();
        md.append("# modelrepo against its peers\n\n");
        if (r.first != null) {
            md.append(String.format(Locale.ROOT, "- JMH %s, %s %s, %d CPU(s)%n", text(r.first, "jmhVersion"), text(r.first, "vmName"),
                    text(r.first, "jdkVersion"), Runtime.getRuntime().availableProcessors()));
        }
        for (String note : notes) {
            md.append("- ").append(note).append('\n');
        }
        md.append("\n† marks a score whose measured iterations were still getting faster (first half slower than the second by more ")
                .append("than ").append(fmt((WARMING - 1) * 100, 0)).append("%): not warmed up yet, so it overstates the steady state.\n");
        md.append("\nRatios are to hand-written JDBC in the same run (lower is better; below 1.00 is faster than the baseline). ")
                .append("± is JMH's 99.9% confidence half-interval, combined in quadrature for ratios. ")
                .append("modelrepo reuses its query objects unless the row says otherwise; metrics are off unless it says so.\n");
        for (String engine : r.byEngine.keySet()) {
            md.append("\n## ").append(engineTitle(engine)).append("\n\n");
            md.append("![ratios to JDBC on ").append(engineTitle(engine)).append("](").append(stem).append('-').append(engine).append(".svg)\n\n");
            ratioMatrix(md, r, engine);
            verdicts(md, r, engine);
            metrics(md, r, engine);
            cursor(md, r, engine);
            detail(md, r, engine);
        }
        return md.toString();
    }

    static String engineTitle(String engine) {
        return switch (engine) {
            case "h2" -> "H2 (in-memory)";
            case "postgresql" -> "PostgreSQL";
            default -> engine;
        };
    }

    /** Workloads as rows, contenders as columns, ratio ± error; the first column is JDBC's time. */
    static void ratioMatrix(StringBuilder md, Results r, String engine) {
        List<String> contenders = present(r, engine);
        md.append("| Workload | JDBC time |");
        for (String c : contenders) {
            if (!c.equals("jdbc")) {
                md.append(' ').append(CONTENDERS.getOrDefault(c, c)).append(" |");
            }
        }
        md.append("\n|---|---:|");
        for (String c : contenders) {
            if (!c.equals("jdbc")) {
                md.append("---:|");
            }
        }
        md.append('\n');
        for (String w : r.workloads) {
            Map<String, Score> row = r.byEngine.get(engine).get(w);
            if (row == null) {
                continue;
            }
            Score base = row.get("jdbc");
            md.append("| ").append(w).append(" | ").append(base == null ? "—" : time(base) + base.mark()).append(" |");
            for (String c : contenders) {
                if (c.equals("jdbc")) {
                    continue;
                }
                Score s = row.get(c);
                md.append(' ').append(s == null || base == null ? "" : fmt(ratio(s, base), 2) + "× ± " + fmt(ratioError(s, base), 2) + s.mark())
                        .append(" |");
            }
            md.append('\n');
        }
    }

    static List<String> present(Results r, String engine) {
        List<String> out = new ArrayList<>();
        for (String c : r.contenders) {
            for (Map<String, Score> row : r.byEngine.get(engine).values()) {
                if (row.containsKey(c)) {
                    out.add(c);
                    break;
                }
            }
        }
        return out;
    }

    /** The targets: modelrepo's ratios, rebuilt ratios, against JdbcTemplate, against Jdbi, jOOQ and Spring Data JDBC. */
    static void verdicts(StringBuilder md, Results r, String engine) {
        md.append("\n| Target | Workload | Value | Verdict |\n|---|---|---:|---|\n");
        for (String w : r.workloads) {
            Score base = r.get(engine, w, "jdbc");
            Score mr = r.get(engine, w, "modelrepo");
            Score rebuilt = r.get(engine, w, "modelrepoRebuilt");
            Double target = TARGETS.containsKey(w) ? TARGETS.get(w) : ENGINE_TARGETS.get(engine + ":" + w);
            if (target != null && mr != null && base != null) {
                md.append("| modelrepo ≤ ").append(fmt(target, 2)).append("× JDBC | ").append(w).append(" | ")
                        .append(fmt(ratio(mr, base), 2)).append("× ± ").append(fmt(ratioError(mr, base), 2)).append(" | ")
                        .append(verdict(ratio(mr, base), ratioError(mr, base), target)).append(" |\n");
            }
            if (rebuilt != null && base != null) {
                md.append("| rebuilt ≤ ").append(fmt(REBUILT_TARGET, 2)).append("× JDBC | ").append(w).append(" | ")
                        .append(fmt(ratio(rebuilt, base), 2)).append("× ± ").append(fmt(ratioError(rebuilt, base), 2)).append(" | ")
                        .append(verdict(ratio(rebuilt, base), ratioError(rebuilt, base), REBUILT_TARGET)).append(" |\n");
            }
            if (mr == null) {
                continue;
            }
            Score template = r.get(engine, w, "jdbcTemplate");
            if (template != null) {
                double lo = mr.score() - err(mr);
                double hi = template.score() + err(template);
                md.append("| not slower than JdbcTemplate beyond error | ").append(w).append(" | ")
                        .append(fmt(mr.score() / template.score(), 2)).append("× JdbcTemplate | ")
                        .append(lo <= hi ? (mr.score() <= template.score() ? "pass" : "pass (within error)") : "**MISS**").append(" |\n");
            }
            for (String peer : List.of("jooq", "jdbi", "springData")) {
                Score p = r.get(engine, w, peer);
                if (p == null) {
                    continue;
                }
                String v;
                if (mr.score() + err(mr) < p.score() - err(p)) {
                    v = "pass";
                }
                else if (mr.score() < p.score()) {
                    v = "pass (within error)";
                }
                else if (mr.score() - err(mr) > p.score() + err(p)) {
                    v = "**MISS**";
                }
                else {
                    v = "miss (within error)";
                }
                md.append("| faster than ").append(CONTENDERS.get(peer)).append(" | ").append(w).append(" | ")
                        .append(fmt(mr.score() / p.score(), 2)).append("× ").append(CONTENDERS.get(peer)).append(" | ").append(v).append(" |\n");
            }
        }
    }

    /** Observation cost: modelrepo with metrics on minus off, and the query cache's worth: cache off over on. */
    static void metrics(StringBuilder md, Results r, String engine) {
        StringBuilder rows = new StringBuilder();
        for (String w : r.workloads) {
            Score off = r.get(engine, w, "modelrepo");
            Score on = r.get(engine, w, "modelrepoMetrics");
            Score noCache = r.get(engine, w, "modelrepoNoCache");
            if (off == null || (on == null && noCache == null)) {
                continue;
            }
            rows.append("| ").append(w).append(" | ").append(fmt(off.micros(), 3)).append(" ± ").append(fmt(off.errorMicros(), 3)).append(" | ");
            if (on != null) {
                double added = on.micros() - off.micros();
                double error = Math.hypot(on.errorMicros(), off.errorMicros());
                rows.append(fmt(on.micros(), 3)).append(" ± ").append(fmt(on.errorMicros(), 3)).append(" | **")
                        .append(fmt(added, 3)).append("** ± ").append(fmt(error, 3)).append(" | ")
                        .append(verdict(added, error, METRICS_TARGET_US)).append(" | ");
            }
            else {
                rows.append(" | | | ");
            }
            if (noCache != null) {
                rows.append(fmt(noCache.micros(), 3)).append(" ± ").append(fmt(noCache.errorMicros(), 3)).append(" (")
                        .append(fmt(noCache.score() / off.score(), 2)).append("×)");
            }
            rows.append(" |\n");
        }
        Score off = r.observation.get("observeOff");
        Score on = r.observation.get("observeOn");
        if (off != null && on != null && engine.equals(r.byEngine.keySet().iterator().next())) {
            double added = on.micros() - off.micros();
            double error = Math.hypot(on.errorMicros(), off.errorMicros());
            md.append("\nObservation alone (`ObservationBenchmarks`: `QueryObserver.observe` around work that returns at once): ")
                    .append(fmt(off.micros() * 1_000, 1)).append(" ± ").append(fmt(off.errorMicros() * 1_000, 1)).append(" ns without a registry, ")
                    .append(fmt(on.micros() * 1_000, 1)).append(" ± ").append(fmt(on.errorMicros() * 1_000, 1)).append(" ns with Boot's meter handler: **")
                    .append(fmt(added * 1_000, 0)).append(" ± ").append(fmt(error * 1_000, 0)).append(" ns added per query** (target ≤ 1 µs: ")
                    .append(verdict(added, error, METRICS_TARGET_US)).append(")");
            Score bare = r.observation.get("observeBare");
            if (bare != null) {
                md.append("; of which the Observation API itself (a handler that records nothing) takes ")
                        .append(fmt((bare.micros() - off.micros()) * 1_000, 0)).append(" ns and the meter handler (a Timer and a LongTaskTimer")
                        .append(" looked up by name and tags at every start and stop) the other ")
                        .append(fmt((on.micros() - bare.micros()) * 1_000, 0)).append(" ns");
            }
            md.append(".\n");
        }
        if (rows.length() > 0) {
            md.append("\nmodelrepo's options (µs/op): observations through Boot's default meter handler (`DefaultMeterObservationHandler` over a ")
                    .append("`SimpleMeterRegistry`), target ≤ ").append(fmt(METRICS_TARGET_US, 1)).append(" µs added per query; and the query cache off.\n\n")
                    .append("| Workload | modelrepo | metrics on | added by metrics | ≤ 1 µs | cache off |\n|---|---:|---:|---:|---|---:|\n")
                    .append(rows);
        }
    }

    static void cursor(StringBuilder md, Results r, String engine) {
        Map<String, Score> row = r.byEngine.get(engine).get("cursor");
        if (row == null) {
            return;
        }
        Score base = row.get("jdbc");
        md.append("\nCursor: ").append(WORKLOADS.get("cursor")).append(", peak live heap over the shot (heap after each GC, ")
                .append("minus the heap before it) and bytes allocated per row (`-prof gc`).\n\n")
                .append("| Contender | ms per 1M rows | rows/s | ratio to JDBC | peak live heap | allocated per row |\n|---|---:|---:|---:|---:|---:|\n");
        for (String c : r.contenders) {
            Score s = row.get(c);
            if (s == null) {
                continue;
            }
            double ms = toMicros(s.score(), s.unit()) / 1_000;
            Double heap = s.secondary().get("·heap.live.peak");
            Double alloc = s.secondary().get("gc.alloc.rate.norm");
            md.append("| ").append(CONTENDERS.getOrDefault(c, c)).append(" | ").append(fmt(ms, 0)).append(" ± ")
                    .append(fmt(s.errorMicros() / 1_000, 0)).append(" | ").append(String.format(Locale.ROOT, "%,.0f", CursorBenchmarks.ROWS / (ms / 1_000)))
                    .append(" | ").append(base == null ? "—" : fmt(ratio(s, base), 2) + "× ± " + fmt(ratioError(s, base), 2)).append(" | ")
                    .append(heap == null ? "—" : fmt(heap, 1) + " MB").append(" | ")
                    .append(alloc == null ? "—" : fmt(alloc / CursorBenchmarks.ROWS, 0) + " B").append(" |\n");
        }
    }

    /** Every score, for reference. */
    static void detail(StringBuilder md, Results r, String engine) {
        md.append("\n<details><summary>All scores on ").append(engineTitle(engine)).append("</summary>\n\n")
                .append("| Benchmark | Score | ± | Unit | Samples |\n|---|---:|---:|---|---:|\n");
        for (String w : r.workloads) {
            Map<String, Score> row = r.byEngine.get(engine).get(w);
            if (row == null) {
                continue;
            }
            for (String c : r.contenders) {
                Score s = row.get(c);
                if (s != null) {
                    md.append("| ").append(w).append('_').append(c).append(s.mark()).append(" | ").append(fmt(s.score(), 3)).append(" | ")
                            .append(fmt(s.error(), 3)).append(" | ").append(s.unit().replace("us/", "µs/")).append(" | ").append(s.samples()).append(" |\n");
                }
            }
        }
        md.append("\n</details>\n");
    }

    // ================================================================ SVG

    /** Horizontal bars of each contender's ratio to JDBC per workload, with error whiskers and the 1.0 line. */
    static String svg(Results r, String engine) {
        List<String> contenders = new ArrayList<>(present(r, engine));
        contenders.remove("jdbc");
        List<String> workloads = new ArrayList<>();
        for (String w : r.workloads) {
            if (r.byEngine.get(engine).containsKey(w) && r.get(engine, w, "jdbc") != null) {
                workloads.add(w);
            }
        }
        double max = 1.5;
        for (String w : workloads) {
            Score base = r.get(engine, w, "jdbc");
            for (String c : contenders) {
                Score s = r.get(engine, w, c);
                if (s != null) {
                    max = Math.max(max, ratio(s, base) + ratioError(s, base));
                }
            }
        }
        double cap = Math.min(Math.ceil(max * 2) / 2, 4.0);
        int bar = 11;
        int gap = 14;
        int left = 150;
        int plot = 560;
        int right = 70;
        int top = 56;
        int legendHeight = 22 * ((contenders.size() + 3) / 4);
        int groupHeight = 0;
        List<Integer> groupHeights = new ArrayList<>();
        for (String w : workloads) {
            int n = 0;
            for (String c : contenders) {
                if (r.get(engine, w, c) != null) {
                    n++;
                }
            }
            groupHeights.add(n * bar + gap);
            groupHeight += n * bar + gap;
        }
        int height = top + groupHeight + 40 + legendHeight;
        int width = left + plot + right;
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"11\">\n");
        s.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        s.append("<text x=\"").append(width / 2).append("\" y=\"20\" text-anchor=\"middle\" font-size=\"14\" font-weight=\"bold\">")
                .append(esc("Time relative to hand-written JDBC, " + engineTitle(engine) + " (lower is better)")).append("</text>\n");
        s.append("<text x=\"").append(width / 2).append("\" y=\"36\" text-anchor=\"middle\" fill=\"#555\">")
                .append(esc("bars: ratio to JDBC in the same run; whiskers: 99.9% confidence; bars beyond " + fmt(cap, 1) + "× are cut"))
                .append("</text>\n");
        // grid
        for (double t = 0; t <= cap + 1e-9; t += 0.5) {
            double x = left + t / cap * plot;
            s.append("<line x1=\"").append(fmt(x, 1)).append("\" y1=\"").append(top - 6).append("\" x2=\"").append(fmt(x, 1))
                    .append("\" y2=\"").append(top + groupHeight).append("\" stroke=\"").append(t == 1.0 ? "#000" : "#ddd")
                    .append("\"").append(t == 1.0 ? " stroke-dasharray=\"4 3\"" : "").append("/>\n");
            s.append("<text x=\"").append(fmt(x, 1)).append("\" y=\"").append(top + groupHeight + 14).append("\" text-anchor=\"middle\">")
                    .append(fmt(t, 1)).append("×</text>\n");
        }
        int y = top;
        for (int gi = 0; gi < workloads.size(); gi++) {
            String w = workloads.get(gi);
            Score base = r.get(engine, w, "jdbc");
            int gh = groupHeights.get(gi);
            s.append("<text x=\"").append(left - 8).append("\" y=\"").append(y + (gh - gap) / 2 + 4).append("\" text-anchor=\"end\" font-weight=\"bold\">")
                    .append(esc(w)).append("</text>\n");
            s.append("<text x=\"").append(left - 8).append("\" y=\"").append(y + (gh - gap) / 2 + 16).append("\" text-anchor=\"end\" fill=\"#555\">")
                    .append(esc("JDBC " + time(base))).append("</text>\n");
            int yy = y;
            for (int ci = 0; ci < contenders.size(); ci++) {
                String c = contenders.get(ci);
                Score sc = r.get(engine, w, c);
                if (sc == null) {
                    continue;
                }
                double ratio = ratio(sc, base);
                double err = ratioError(sc, base);
                double wBar = Math.min(ratio, cap) / cap * plot;
                String color = COLORS[(CONTENDERS.containsKey(c) ? new ArrayList<>(CONTENDERS.keySet()).indexOf(c) : ci) % COLORS.length];
                s.append("<rect x=\"").append(left).append("\" y=\"").append(yy + 1).append("\" width=\"").append(fmt(wBar, 1))
                        .append("\" height=\"").append(bar - 2).append("\" fill=\"").append(color).append("\"><title>")
                        .append(esc(CONTENDERS.getOrDefault(c, c) + ": " + fmt(ratio, 2) + "× ± " + fmt(err, 2))).append("</title></rect>\n");
                if (ratio <= cap) {
                    double x1 = left + Math.max(0, ratio - err) / cap * plot;
                    double x2 = left + Math.min(cap, ratio + err) / cap * plot;
                    double ym = yy + bar / 2.0;
                    s.append("<line x1=\"").append(fmt(x1, 1)).append("\" y1=\"").append(fmt(ym, 1)).append("\" x2=\"").append(fmt(x2, 1))
                            .append("\" y2=\"").append(fmt(ym, 1)).append("\" stroke=\"#222\" stroke-width=\"1\"/>\n");
                }
                s.append("<text x=\"").append(fmt(left + wBar + 4 + (ratio <= cap ? Math.min(cap, ratio + err) / cap * plot - wBar : 0), 1))
                        .append("\" y=\"").append(yy + bar - 2).append("\" font-size=\"9\" fill=\"#333\">")
                        .append(fmt(ratio, 2)).append(ratio > cap ? "× ▸" : "×").append("</text>\n");
                yy += bar;
            }
            y += gh;
        }
        // legend
        int ly = top + groupHeight + 32;
        for (int ci = 0; ci < contenders.size(); ci++) {
            String c = contenders.get(ci);
            String color = COLORS[(CONTENDERS.containsKey(c) ? new ArrayList<>(CONTENDERS.keySet()).indexOf(c) : ci) % COLORS.length];
            int lx = 20 + (ci % 4) * 195;
            int lyy = ly + (ci / 4) * 20;
            s.append("<rect x=\"").append(lx).append("\" y=\"").append(lyy).append("\" width=\"12\" height=\"10\" fill=\"").append(color).append("\"/>\n");
            s.append("<text x=\"").append(lx + 17).append("\" y=\"").append(lyy + 9).append("\">").append(esc(CONTENDERS.getOrDefault(c, c))).append("</text>\n");
        }
        s.append("</svg>\n");
        return s.toString();
    }

    // ================================================================ helpers

    static double ratio(Score s, Score base) {
        return s.score() / base.score();
    }

    static double ratioError(Score s, Score base) {
        return s == base ? 0 : ratio(s, base) * Math.hypot(s.relativeError(), base.relativeError());
    }

    static double err(Score s) {
        return Double.isNaN(s.error()) ? 0 : s.error();
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

    static String time(Score s) {
        double us = s.micros();
        if (us >= 10_000) {
            return fmt(us / 1_000, 0) + " ms";
        }
        return fmt(us, us >= 100 ? 0 : us >= 10 ? 1 : 2) + " µs";
    }

    static double toMicros(double value, String unit) {
        return switch (unit) {
            case "ns/op" -> value / 1_000;
            case "us/op", "µs/op" -> value;
            case "ms/op" -> value * 1_000;
            case "s/op" -> value * 1_000_000;
            default -> throw new IllegalArgumentException("Not a time per operation: " + unit);
        };
    }

    static double number(JsonNode node) {
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

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? "?" : value.asString();
    }

    static String fmt(double value, int decimals) {
        return Double.isNaN(value) ? "NaN" : String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    static String esc(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
