package dev.modelrepo.benchmarks.sqlite;

import dev.modelrepo.model.Model;
import dev.modelrepo.model.Table;

/** A row of the SQLite read benchmark: a decimal and two text timestamps. */
@Table(name = "readings")
public class Reading extends Model {
}
