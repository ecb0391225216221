package dev.modelrepo.sample.model;

import dev.modelrepo.model.BelongsTo;
import dev.modelrepo.model.Model;
import dev.modelrepo.model.Table;

/** An employee of a department. */
@Table(name = "employees")
@BelongsTo(model = Department.class, as = "department", key = "department_id")
public class Employee extends Model {

    public String name() {
        return get("name", String.class);
    }
}
