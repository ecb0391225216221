package dev.modelrepo.benchmarks.peers;

import dev.modelrepo.model.Model;
import dev.modelrepo.model.Table;

/** The 1,000,000 rows the cursor benchmarks stream (the columns of employees). */
@Table(name = "employees_big")
public class BigEmployee extends Model {
}
