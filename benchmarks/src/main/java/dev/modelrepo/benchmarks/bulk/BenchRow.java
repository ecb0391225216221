package dev.modelrepo.benchmarks.bulk;

import dev.modelrepo.model.Model;
import dev.modelrepo.model.Table;

/** The bulk benchmarks' model: six columns besides the key. */
@Table(name = "bench_rows")
public class BenchRow extends Model {
}
