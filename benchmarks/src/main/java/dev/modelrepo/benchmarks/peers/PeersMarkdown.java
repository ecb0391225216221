package dev.modelrepo.benchmarks.peers;

import static dev.modelrepo.benchmarks.peers.PeersReport.CONTENDERS;
import static dev.modelrepo.benchmarks.peers.PeersReport.ENGINE_TARGETS;
import static dev.modelrepo.benchmarks.peers.PeersReport.METRICS_TARGET_US;
import static dev.modelrepo.benchmarks.peers.PeersReport.REBUILT_TARGET;
import static dev.modelrepo.benchmarks.peers.PeersReport.TARGETS;
import static dev.modelrepo.benchmarks.peers.PeersReport.WARMING;
import static dev.modelrepo.benchmarks.peers.PeersReport.WORKLOADS;
import static dev.modelrepo.benchmarks.peers.PeersReport.engineTitle;
import static dev.modelrepo.benchmarks.peers.PeersReport.err;
import static dev.modelrepo.benchmarks.peers.PeersReport.fmt;
import static dev.modelrepo.benchmarks.peers.PeersReport.present;
import static dev.modelrepo.benchmarks.peers.PeersReport.ratio;
import static dev.modelrepo.benchmarks.peers.PeersReport.ratioError;
import static dev.modelrepo.benchmarks.peers.PeersReport.text;
import static dev.modelrepo.benchmarks.peers.PeersReport.time;
import static dev.modelrepo.benchmarks.peers.PeersReport.toMicros;
import static dev.modelrepo.benchmarks.peers.PeersReport.verdict;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.modelrepo.benchmarks.peers.PeersReport.Results;
import dev.modelrepo.benchmarks.peers.PeersReport.Score;

/** The Markdown report of {@link PeersReport}: per engine the ratio matrix, the targets' verdicts, observation cost, cursor heap and every score. */
final class PeersMarkdown {

    private PeersMarkdown() {
    }

    static String markdown(Results r, List<String> notes, String stem) {
        return markdown(r, notes, stem, null, "");
    }

    /**
     * The report; with the previous run's results ({@code previous}, read from {@code previousName}) its regressions come
     * first, after the notes.
     */
    static String markdown(Results r, List<String> notes, String stem, @Nullable Results previous, String previousName) {
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
        if (previous != null && previous.byEngine.isEmpty()) {
            md.append("\n## Regressions versus the previous run\n\nNo previous run to compare with: ").append(previousName)
                    .append(" holds no results yet (the next run compares with this one's).\n");
        }
        else if (previous != null) {
            PeersRegressions.section(md, previous, r, previousName);
        }
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

    /** The targets: modelrepo's ratios, rebuilt ratios, against JdbcTemplate, against Jdbi, jOOQ and Spring Data JDBC. */
    static void verdicts(StringBuilder md, Results r, String engine) {
        md.append("\n| Target | Workload | Value | Verdict |\n|---|---|---:|---|\n");
        for (String w : r.workloads) {
            Score base = r.get(engine, w, "jdbc");
            Score mr = r.get(engine, w, "modelrepo");
            Score rebuilt = r.get(engine, w, "modelrepoRebuilt");
            Double target = ENGINE_TARGETS.getOrDefault(engine + ":" + w, TARGETS.get(w));
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
}
