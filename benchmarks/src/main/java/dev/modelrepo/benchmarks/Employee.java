package dev.modelrepo.benchmarks;

import dev.modelrepo.model.Model;
import dev.modelrepo.model.Table;

/** The modelrepo model of the benchmark table: no fields, the columns come from the database metadata. */
@Table(name = "employees")
public class Employee extends Model {

    public Employee() {
    }
}
