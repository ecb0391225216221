package dev.modelrepo.benchmarks.bulk;

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
 * Turns the JSON results of the bulk benchmarks into Markdown tables: for each workload, every contender's time
 * and modelrepo's speed-up over it (the contender's time divided by modelrepo's, so above 1 means modelrepo is
 * faster), with the target and a verdict.
 * <pre>{@code java -cp benchmarks.jar dev.modelrepo.benchmarks.bulk.BulkReport bulk.json [bulk.md] [--note=TEXT]...}</pre>
 */
public final class BulkReport {

    private BulkReport() {
    }

    /** One score: mean time of the measured iterations, JMH's 99.9% half-interval, and the median iteration. */
    record Score(double score, double error, double median) {

        double relativeError() {
            return Double.isNaN(error) || score == 0 ? 0 : error / score;
        }
    }

    /** A contender of a workload: label, benchmark key, target speed-up (NaN: none; "best" groups compare with the fastest). */
    record Contender(String label, String key, double target) {
    }

    record Workload(String title, String modelrepoLabel, String modelrepoKey, List<Contender> contenders, double bestTarget) {
    }

    static List<Workload> workloads() {
        List<Workload> workloads = new ArrayList<>();
        workloads.add(new Workload("PostgreSQL insertBulk: 1,000,000 rows × 6 columns", "modelrepo `insertBulk` (streamed COPY)",
                "PostgresInsertBenchmarks.modelrepoInsertBulk", List.of(
                        new Contender("hand-written `CopyManager` COPY, same text encoding", "PostgresInsertBenchmarks.handWrittenCopy", 0.9),
                        new Contender("JDBC batch of 1,000 (`reWriteBatchedInserts=false`)", "PostgresInsertBenchmarks.jdbcBatch", 3.0),
                        new Contender("JDBC batch of 1,000 (`reWriteBatchedInserts=true`)", "PostgresInsertBenchmarks.jdbcBatchRewritten", 1.5)),
                Double.NaN));
        workloads.add(new Workload("PostgreSQL updateBulk: 100,000 rows × 3 columns (chunks of 10,000)", "modelrepo `updateBulk`",
                "PostgresUpdateDeleteBenchmarks.updateModelrepoUpdateBulk", List.of(
                        new Contender("hand-written `UPDATE … FROM unnest` of typed arrays", "PostgresUpdateDeleteBenchmarks.updateHandWrittenUnnest", 0.95),
                        new Contender("batch of single-row UPDATEs (1,000 per batch)", "PostgresUpdateDeleteBenchmarks.updateSingleRowBatch", 1.8)),
                Double.NaN));
        workloads.add(new Workload("PostgreSQL deleteBulk: 100,000 keys (chunks of 10,000)", "modelrepo `deleteBulk`",
                "PostgresUpdateDeleteBenchmarks.deleteModelrepoDeleteBulk", List.of(
                        new Contender("hand-written `DELETE … WHERE id = ANY(?)`", "PostgresUpdateDeleteBenchmarks.deleteHandWrittenAny", 0.95),
                        new Contender("batch of single-row DELETEs (1,000 per batch)", "PostgresUpdateDeleteBenchmarks.deleteSingleRowBatch", 5.0)),
                Double.NaN));
        workloads.add(new Workload("PostgreSQL deleteBulk: 100,000 keys, default options", "modelrepo `deleteBulk` (100,000 keys per statement)",
                "PostgresUpdateDeleteBenchmarks.deleteModelrepoDeleteBulkDefault", List.of(
                        new Contender("hand-written single `DELETE … WHERE id = ANY(?)` of all keys",
                                "PostgresUpdateDeleteBenchmarks.deleteHandWrittenAnyOneStatement", 1 / 1.05)),
                Double.NaN));
        workloads.add(new Workload("MariaDB insertBulk: 100,000 rows × 6 columns", "modelrepo `insertBulk` (prepared batches of 10,000: the driver's bulk protocol)",
                "MariaDbInsertBenchmarks.modelrepoInsertBulk", List.of(
                        new Contender("modelrepo `insertBulk` with `batchSize(1000)` (the default before)", "MariaDbInsertBenchmarks.modelrepoInsertBulk1k", Double.NaN),
                        new Contender("Connector/J batch of 1,000, default settings (bulk protocol for INSERTs)", "MariaDbInsertBenchmarks.driverBatchDefault", Double.NaN),
                        new Contender("Connector/J batch of 10,000, default settings", "MariaDbInsertBenchmarks.driverBatchDefault10k", Double.NaN),
                        new Contender("Connector/J batch of 100,000, default settings", "MariaDbInsertBenchmarks.driverBatchDefaultAll", Double.NaN),
                        new Contender("Connector/J batch of 1,000, `useBulkStmts=true`", "MariaDbInsertBenchmarks.driverBatchBulkStmts", Double.NaN),
                        new Contender("Connector/J batch of 1,000, bulk protocol off (pipelined executes)", "MariaDbInsertBenchmarks.driverBatchPipelined", Double.NaN),
                        new Contender("Connector/J batch of 1,000, `rewriteBatchedStatements=true`, bulk off", "MariaDbInsertBenchmarks.driverBatchRewritten", Double.NaN),
                        new Contender("Connector/J batch of 100,000, `rewriteBatchedStatements=true`, bulk off", "MariaDbInsertBenchmarks.driverBatchRewrittenAll", Double.NaN),
                        new Contender("multi-row VALUES, 100 rows per statement", "MariaDbInsertBenchmarks.multiValues100", Double.NaN),
                        new Contender("multi-row VALUES, 1,000 rows per statement", "MariaDbInsertBenchmarks.multiValues1000", Double.NaN),
                        new Contender("multi-row VALUES, 5,000 rows per statement", "MariaDbInsertBenchmarks.multiValues5000", Double.NaN),
                        new Contender("`LOAD DATA LOCAL INFILE` from a stream (tab-separated text)", "MariaDbInsertBenchmarks.loadDataLocalInfile", Double.NaN)),
                1.0));
        workloads.add(new Workload("SQLite insertBulk: 500,000 rows × 6 columns", "modelrepo `insertBulk` (multi-row VALUES, 1,000 rows per statement)",
                "SqliteInsertBenchmarks.modelrepoInsertBulk", List.of(
                        new Contender("hand-written prepared batch of 1,000 in one transaction", "SqliteInsertBenchmarks.handWrittenBatch", 0.95),
                        new Contender("modelrepo `insertBulk` with `batchSize(1000)`", "SqliteInsertBenchmarks.modelrepoInsertBulk1k", Double.NaN),
                        new Contender("prepared batch of 10,000", "SqliteInsertBenchmarks.handWrittenBatch10k", Double.NaN),
                        new Contender("prepared batch of all rows (one executeBatch)", "SqliteInsertBenchmarks.handWrittenBatchAll", Double.NaN),
                        new Contender("multi-row VALUES, 100 rows per statement", "SqliteInsertBenchmarks.multiValues100", Double.NaN),
                        new Contender("multi-row VALUES, 1,000 rows per statement", "SqliteInsertBenchmarks.multiValues1000", Double.NaN),
                        new Contender("multi-row VALUES, 5,461 rows per statement (32,766 binds)", "SqliteInsertBenchmarks.multiValues5461", Double.NaN)),
                0.95));
        for (String engine : List.of("POSTGRESQL", "MARIADB", "SQLITE", "H2")) {
            workloads.add(new Workload("insertAll: 10,000 models with keys written back, " + engine.toLowerCase(Locale.ROOT),
                    "modelrepo `insertAll`", "InsertAllBenchmarks.modelrepoInsertAll:" + engine, List.of(
                            new Contender("`save` of each model in one transaction", "InsertAllBenchmarks.saveEach:" + engine, Double.NaN)),
                    Double.NaN));
        }
        return workloads;
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
        String report = report(Files.readString(Path.of(files.get(0))), notes);
        System.out.print(report);
        if (files.size() > 1) {
            Files.writeString(Path.of(files.get(1)), report);
        }
    }

    static String report(String json, List<String> notes) {
        JsonNode results = JsonMapper.builder().build().readTree(json);
        Map<String, Score> scores = new LinkedHashMap<>();
        JsonNode first = null;
        for (JsonNode result : results) {
            first = first == null ? result : first;
            String name = result.get("benchmark").asString();
            String key = name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1);
            JsonNode params = result.get("params");
            if (params != null && params.has("engine")) {
                key += ":" + params.get("engine").asString();
            }
            JsonNode metric = result.get("primaryMetric");
            scores.put(key, new Score(number(metric.get("score")), number(metric.get("scoreError")), median(metric.get("rawData"))));
        }
        StringBuilder md = new StringBuilder("# modelrepo bulk benchmarks\n\n");
        if (first != null) {
            md.append(String.format(Locale.ROOT, "- JMH %s, %s %s, single-shot time, %s fork, %s warmup + %s measured iteration(s) per"
                    + " contender, each on a table emptied (and for updates and deletes reloaded) before the iteration; %d CPUs%n",
                    text(first, "jmhVersion"), text(first, "vmName"), text(first, "jdkVersion"), text(first, "forks"),
                    text(first, "warmupIterations"), text(first, "measurementIterations"), Runtime.getRuntime().availableProcessors()));
        }
        notes.forEach(n -> md.append("- ").append(n).append('\n'));
        md.append("- drivers: pgjdbc ").append(version("org.postgresql", "postgresql")).append(", MariaDB Connector/J ")
                .append(version("org.mariadb.jdbc", "mariadb-java-client")).append(", sqlite-jdbc ").append(version("org.xerial", "sqlite-jdbc"))
                .append(", H2 ").append(version("com.h2database", "h2")).append(", HikariCP ").append(version("com.zaxxer", "HikariCP"))
                .append('\n');
        md.append("\nTime per operation in ms (lower is better), ± JMH's 99.9% half-interval over the measured iterations."
                + " **Speed-up** = the contender's time / modelrepo's time (above 1: modelrepo is faster); its error combines both"
                + " relative errors. Verdict: pass / MISS when the whole interval is on one side of the target.\n");
        for (Workload w : workloads()) {
            Score mine = scores.get(w.modelrepoKey());
            md.append("\n## ").append(w.title()).append("\n\n| Contender | Time (ms) | Error | Median (ms) | Speed-up of modelrepo | Target | Verdict |\n")
                    .append("|---|---:|---:|---:|---:|---:|---|\n");
            md.append("| ").append(w.modelrepoLabel()).append(" | ").append(fmt(mine, false)).append(" | ").append(fmt(mine, true))
                    .append(" | ").append(median(mine)).append(" | 1.00× |  |  |\n");
            Score best = null;
            for (Contender c : w.contenders()) {
                Score theirs = scores.get(c.key());
                md.append("| ").append(c.label()).append(" | ").append(fmt(theirs, false)).append(" | ").append(fmt(theirs, true)).append(" | ")
                        .append(median(theirs)).append(" | ").append(ratio(theirs, mine)).append(" | ").append(Double.isNaN(c.target()) ? "" : String.format(Locale.ROOT, "≥ %.2f×", c.target()))
                        .append(" | ").append(verdict(theirs, mine, c.target())).append(" |\n");
                if (theirs != null && !c.key().contains(".modelrepo") && (best == null || theirs.score() < best.score())) {
                    best = theirs;
                }
            }
            if (!Double.isNaN(w.bestTarget())) {
                md.append("| *the fastest driver setting above* | ").append(fmt(best, false)).append(" | ").append(fmt(best, true)).append(" | ")
                        .append(median(best)).append(" | ").append(ratio(best, mine)).append(" | ").append(String.format(Locale.ROOT, "≥ %.2f×", w.bestTarget())).append(" | ")
                        .append(verdict(best, mine, w.bestTarget())).append(" |\n");
            }
        }
        return md.toString();
    }

    private static String fmt(Score s, boolean error) {
        if (s == null) {
            return "—";
        }
        double v = error ? s.error() : s.score();
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, error ? "± %.1f" : "%.1f", v);
    }

    private static String median(Score s) {
        return s == null || Double.isNaN(s.median()) ? "—" : String.format(Locale.ROOT, "%.1f", s.median());
    }

    /** The median of JMH's raw measurements (one array per fork), NaN when there are none. */
    private static double median(JsonNode rawData) {
        List<Double> all = new ArrayList<>();
        if (rawData != null) {
            rawData.forEach(fork -> fork.forEach(v -> all.add(v.asDouble())));
        }
        if (all.isEmpty()) {
            return Double.NaN;
        }
        all.sort(null);
        int n = all.size();
        return n % 2 == 1 ? all.get(n / 2) : (all.get(n / 2 - 1) + all.get(n / 2)) / 2;
    }

    private static double speedup(Score theirs, Score mine) {
        return theirs.score() / mine.score();
    }

    private static double speedupError(Score theirs, Score mine) {
        return speedup(theirs, mine) * Math.hypot(theirs.relativeError(), mine.relativeError());
    }

    private static String ratio(Score theirs, Score mine) {
        if (theirs == null || mine == null) {
            return "—";
        }
        return String.format(Locale.ROOT, "%.2f× ± %.2f", speedup(theirs, mine), speedupError(theirs, mine));
    }

    private static String verdict(Score theirs, Score mine, double target) {
        if (Double.isNaN(target) || theirs == null || mine == null) {
            return theirs == null || mine == null ? (Double.isNaN(target) ? "" : "not run") : "";
        }
        double r = speedup(theirs, mine);
        double e = speedupError(theirs, mine);
        if (r - e >= target) {
            return "pass";
        }
        if (r + e < target) {
            return "**MISS**";
        }
        return r >= target ? "pass (within error)" : "**MISS** (within error)";
    }

    /** A dependency's version from the Maven metadata the uber-jar carries. */
    private static String version(String group, String artifact) {
        try (var in = BulkReport.class.getResourceAsStream("/META-INF/maven/" + group + "/" + artifact + "/pom.properties")) {
            if (in == null) {
                return constant(artifact.equals("postgresql") ? "org.postgresql.util.DriverInfo" : "org.h2.engine.Constants",
                        artifact.equals("postgresql") ? "DRIVER_VERSION" : "VERSION");
            }
            java.util.Properties properties = new java.util.Properties();
            properties.load(in);
            return properties.getProperty("version", "?");
        }
        catch (IOException ex) {
            return "?";
        }
    }

    /** A driver's version constant, for drivers without Maven metadata in the jar. */
    private static String constant(String type, String field) {
        try {
            return String.valueOf(Class.forName(type).getField(field).get(null));
        }
        catch (ReflectiveOperationException | LinkageError ex) {
            return "?";
        }
    }

    private static double number(JsonNode node) {
        return node == null || node.isNull() || !node.isNumber() ? Double.NaN : node.asDouble();
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null ? "?" : v.asString();
    }
}
