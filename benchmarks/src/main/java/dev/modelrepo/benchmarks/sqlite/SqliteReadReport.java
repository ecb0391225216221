package dev.modelrepo.benchmarks.sqlite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Prints the ratios of a {@link SqliteReadBenchmarks} run (JMH's {@code -rf json}) as Markdown: modelrepo over each
 * hand-written JDBC contender, with the error of the ratio (both scores' 99.9% half-intervals, relative, in
 * quadrature) and the goal of issue 17 (at most 1.2× JDBC reading the same SQL):
 * <pre>{@code java -cp benchmarks.jar dev.modelrepo.benchmarks.sqlite.SqliteReadReport sqlite-read.json [sqlite-read.md] [--note=TEXT]...}</pre>
 */
public final class SqliteReadReport {

    static final double GOAL = 1.2;

    record Score(double value, double error, String unit) {
    }

    private SqliteReadReport() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, Score> scores = new LinkedHashMap<>();
        StringBuilder out = new StringBuilder("| contender | time per read of the rows | modelrepo / contender | goal |\n|---|---:|---:|---|\n");
        for (JsonNode result : JsonMapper.builder().build().readTree(Files.readString(Path.of(args[0])))) {
            String name = result.get("benchmark").asString();
            JsonNode metric = result.get("primaryMetric");
            String rows = result.path("params").path("rows").asString();
            scores.put(name.substring(name.lastIndexOf('.') + 1) + " (" + rows + " rows)",
                    new Score(metric.get("score").asDouble(), metric.get("scoreError").asDouble(), metric.get("scoreUnit").asString()));
        }
        scores.forEach((name, score) -> {
            Score modelrepo = scores.get(name.replaceFirst("^\\w+", "modelrepoList"));
            String ratio = "";
            String verdict = "";
            if (modelrepo != null && !name.startsWith("modelrepoList")) {
                double r = modelrepo.value() / score.value();
                double e = r * Math.hypot(modelrepo.error() / modelrepo.value(), score.error() / score.value());
                ratio = String.format(Locale.ROOT, "%.2f× ± %.2f", r, e);
                verdict = r + e <= GOAL ? "≤ 1.2×: met" : r - e > GOAL ? "≤ 1.2×: missed" : "≤ 1.2×: within error";
            }
            out.append(String.format(Locale.ROOT, "| %s | %.1f ± %.1f %s | %s | %s |%n", name, score.value(), score.error(), score.unit(), ratio, verdict));
        });
        for (String arg : args) {
            if (arg.startsWith("--note=")) {
                out.append('\n').append(arg.substring("--note=".length())).append('\n');
            }
        }
        System.out.print(out);
        if (args.length > 1 && !args[1].startsWith("--")) {
            Files.writeString(Path.of(args[1]), out);
        }
    }
}
