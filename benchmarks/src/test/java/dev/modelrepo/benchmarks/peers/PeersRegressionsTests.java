package dev.modelrepo.benchmarks.peers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import dev.modelrepo.benchmarks.peers.PeersReport.Results;

/** The regression check of the peers report, on synthetic JMH JSON: which rows got worse beyond the combined error. */
class PeersRegressionsTests {

    /** One JMH result of {@code PeersBenchmarks.<method>} on {@code engine}: score ± error in µs/op, average time. */
    private static String result(String method, String engine, double score, double error) {
        return String.format(Locale.ROOT, """
                {"jmhVersion": "1.37", "benchmark": "dev.modelrepo.benchmarks.peers.PeersBenchmarks.%s", "mode": "avgt",
                 "params": {"engine": "%s"},
                 "primaryMetric": {"score": %s, "scoreError": %s, "scoreUnit": "us/op", "rawData": [[%s, %s, %s, %s]]},
                 "secondaryMetrics": {}}""", method, engine, score, error, score, score, score, score);
    }

    private static Results results(String... results) {
        Results r = new Results();
        PeersReport.read("[" + String.join(",", results) + "]", r);
        return r;
    }

    private static String section(Results previous, Results now) {
        StringBuilder md = new StringBuilder();
        PeersRegressions.section(md, previous, now, "benchmarks/results/previous/");
        return md.toString();
    }

    @Test
    void aRatioWorseByMoreThanTheCombinedErrorIsARegression() {
        // previous: modelrepo 1.10× ± ~0.02; now 1.30× ± ~0.03: worse by 0.20, far beyond the combined error
        Results previous = results(result("findById_jdbc", "h2", 2.0, 0.02), result("findById_modelrepo", "h2", 2.2, 0.02),
                result("findById_jdbcTemplate", "h2", 2.2, 0.02));
        Results now = results(result("findById_jdbc", "h2", 2.0, 0.02), result("findById_modelrepo", "h2", 2.6, 0.03),
                result("findById_jdbcTemplate", "h2", 2.2, 0.02));
        List<PeersRegressions.Change> changes = PeersRegressions.compare(previous, now);
        assertThat(changes).extracting(PeersRegressions.Change::contender).containsExactly("jdbcTemplate", "modelrepo");
        assertThat(changes).filteredOn(PeersRegressions.Change::regressed).singleElement().satisfies(c -> {
            assertThat(c.before()).isCloseTo(1.10, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(c.now()).isCloseTo(1.30, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(c.error()).isLessThan(0.05);
        });
        assertThat(section(previous, now)).contains("## Regressions versus the previous run", "2 rows compared, 0 better beyond error",
                "| **H2 (in-memory)** | **findById** | **modelrepo** | **1.10× ± 0.01** | **1.30× ± 0.02** | **+0.20×** |")
                .doesNotContain("**JdbcTemplate**", "None:");
    }

    @Test
    void aRatioWorseWithinTheCombinedErrorIsNot() {
        // 1.10× → 1.15×, but each ratio is ± ~0.1 (5% errors on both scores): within error
        Results previous = results(result("list10_jdbc", "postgresql", 30, 1.5), result("list10_modelrepo", "postgresql", 33, 1.65));
        Results now = results(result("list10_jdbc", "postgresql", 30, 1.5), result("list10_modelrepo", "postgresql", 34.5, 1.7));
        PeersRegressions.Change c = PeersRegressions.compare(previous, now).get(0);
        assertThat(c.now() - c.before()).isGreaterThan(0.04);
        assertThat(c.regressed()).isFalse();
        assertThat(section(previous, now)).contains("1 rows compared", "None: no ratio got worse by more than the combined error.");
    }

    @Test
    void ratiosAreComparedNotTimesSoABusierMachineIsNoRegression() {
        // everything twice as slow (a loaded machine), the same ratios; and modelrepo much better: an improvement
        Results previous = results(result("cursor_jdbc", "h2", 240, 3), result("cursor_jdbcTemplate", "h2", 250, 3),
                result("cursor_modelrepo", "h2", 290, 3));
        Results now = results(result("cursor_jdbc", "h2", 480, 6), result("cursor_jdbcTemplate", "h2", 500, 6),
                result("cursor_modelrepo", "h2", 500, 6));
        List<PeersRegressions.Change> changes = PeersRegressions.compare(previous, now);
        assertThat(changes).noneMatch(PeersRegressions.Change::regressed);
        assertThat(changes).filteredOn(PeersRegressions.Change::improved).extracting(PeersRegressions.Change::contender)
                .containsExactly("modelrepo");
        assertThat(section(previous, now)).contains("2 rows compared, 1 better beyond error", "None:");
    }

    @Test
    void rowsMissingFromEitherRunOrWithoutABaselineAreNotCompared() {
        Results previous = results(result("findById_jdbc", "h2", 2.0, 0.02), result("findById_modelrepo", "h2", 2.2, 0.02),
                result("join100_modelrepo", "h2", 40, 1));
        Results now = results(result("findById_jdbc", "h2", 2.0, 0.02), result("findById_jooq", "h2", 12, 0.2),
                result("join100_jdbc", "h2", 30, 1), result("join100_modelrepo", "h2", 80, 1),
                result("findById_modelrepo", "postgresql", 90, 1), result("findById_jdbc", "postgresql", 80, 1));
        assertThat(PeersRegressions.compare(previous, now)).isEmpty();
        assertThat(section(previous, now)).contains("No row to compare");
    }

    @Test
    void theReportSaysWhenThereIsNoPreviousRun() {
        Results now = results(result("findById_jdbc", "h2", 2.0, 0.02), result("findById_modelrepo", "h2", 2.2, 0.02));
        assertThat(PeersMarkdown.markdown(now, List.of(), "peers", new Results(), "benchmarks/results/previous/"))
                .contains("## Regressions versus the previous run", "No previous run to compare with");
        assertThat(PeersMarkdown.markdown(now, List.of(), "peers")).doesNotContain("Regressions versus the previous run");
    }
}
