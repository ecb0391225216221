package dev.modelrepo.benchmarks.peers;

import dev.modelrepo.model.Model;
import dev.modelrepo.model.Table;

/** The modelrepo model of the bulk benchmarks' table (the employees' columns, no relations). */
@Table(name = "employees_bulk")
public class BulkEmployee extends Model {
}
