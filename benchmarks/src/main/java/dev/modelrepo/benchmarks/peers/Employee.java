package dev.modelrepo.benchmarks.peers;

import dev.modelrepo.model.BelongsTo;
import dev.modelrepo.model.Model;
import dev.modelrepo.model.Table;

/** The modelrepo model of the peers' employees: columns from the database, its department as a belongs-to relation. */
@Table(name = "employees")
@BelongsTo(model = Department.class, as = "department", key = "department_id")
public class Employee extends Model {
}
