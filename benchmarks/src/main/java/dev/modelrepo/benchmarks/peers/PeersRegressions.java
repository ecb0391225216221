package dev.modelrepo.benchmarks.peers;

import static dev.modelrepo.benchmarks.peers.PeersReport.CONTENDERS;
import static dev.modelrepo.benchmarks.peers.PeersReport.engineTitle;
import static dev.modelrepo.benchmarks.peers.PeersReport.fmt;
import static dev.modelrepo.benchmarks.peers.PeersReport.ratio;
import static dev.modelrepo.benchmarks.peers.PeersReport.ratioError;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.modelrepo.benchmarks.peers.PeersReport.Results;
import dev.modelrepo.benchmarks.peers.PeersReport.Score;

/**
 * The rows of this run whose ratio to JDBC got worse than in the previous run by more than the two runs' combined error
 * (each ratio's error in quadrature): the report's "Regressions versus the previous run". Ratios, not times, are compared,
 * so a machine busier in one run than in the other shifts both scores of a row and not the verdict.
 */
final class PeersRegressions {

    private PeersRegressions() {
    }

    /** One row present in both runs: its ratio to JDBC then and now, each with its error. */
    record Change(String engine, String workload, String contender, double before, double beforeError, double now, double nowError) {

        /** The combined error of both ratios. */
        double error() {
            return Math.hypot(beforeError, nowError);
        }

        /** Worse (a higher ratio) by more than the combined error. */
        boolean regressed() {
            return now - before > error();
        }

        /** Better by more than the combined error. */
        boolean improved() {
            return before - now > error();
        }
    }

    /** Every row (engine, workload, contender other than JDBC) that both runs measured, with its baseline, in report order. */
    static List<Change> compare(Results previous, Results now) {
        List<Change> changes = new ArrayList<>();
        for (var engine : now.byEngine.entrySet()) {
            for (String workload : now.workloads) {
                Map<String, Score> row = engine.getValue().get(workload);
                Score base = row == null ? null : row.get("jdbc");
                Score oldBase = previous.get(engine.getKey(), workload, "jdbc");
                if (base == null || oldBase == null) {
                    continue;
                }
                for (String contender : now.contenders) {
                    Score s = row.get(contender);
                    Score old = previous.get(engine.getKey(), workload, contender);
                    if (contender.equals("jdbc") || s == null || old == null) {
                        continue;
                    }
                    changes.add(new Change(engine.getKey(), workload, contender, ratio(old, oldBase), ratioError(old, oldBase),
                            ratio(s, base), ratioError(s, base)));
                }
            }
        }
        return changes;
    }

    /** The report's section: the regressions in bold with both figures, or a sentence saying there are none. */
    static void section(StringBuilder md, Results previous, Results now, String previousName) {
        md.append("\n## Regressions versus the previous run\n\n");
        List<Change> changes = compare(previous, now);
        if (changes.isEmpty()) {
            md.append("No row to compare: ").append(previousName).append(" holds no results of the workloads this run measured.\n");
            return;
        }
        List<Change> regressed = changes.stream().filter(Change::regressed).toList();
        long improved = changes.stream().filter(Change::improved).count();
        md.append("Each ratio to JDBC against the same row's in the previous run (").append(previousName).append("); a row is listed when it ")
                .append("got worse by more than the two runs' combined error (both ratios' ± in quadrature). ").append(changes.size())
                .append(" rows compared, ").append(improved).append(" better beyond error.\n\n");
        if (regressed.isEmpty()) {
            md.append("None: no ratio got worse by more than the combined error.\n");
            return;
        }
        md.append("| Engine | Workload | Contender | Previous run | This run | Change | Combined error |\n|---|---|---|---:|---:|---:|---:|\n");
        for (Change c : regressed) {
            md.append("| **").append(engineTitle(c.engine())).append("** | **").append(c.workload()).append("** | **")
                    .append(CONTENDERS.getOrDefault(c.contender(), c.contender())).append("** | **").append(fmt(c.before(), 2)).append("× ± ")
                    .append(fmt(c.beforeError(), 2)).append("** | **").append(fmt(c.now(), 2)).append("× ± ").append(fmt(c.nowError(), 2))
                    .append("** | **+").append(fmt(c.now() - c.before(), 2)).append("×** | ").append(fmt(c.error(), 2)).append(" |\n");
        }
    }
}
