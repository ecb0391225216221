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

    @Override
    protected void validate() {
        Validation.requireText(this, "name", 100);
        Validation.requireText(this, "email", 200);
        String email = get("email", String.class);
        if (email != null && !email.matches("[^@\\s]+@[^@\\s]+")) {
            addError("email", "Email must look like name@domain");
        }
        Validation.require(this, "department_id");
        Integer salary = get("salary", Integer.class);
        if (salary == null) {
            addError("salary", "Salary is required");
        }
        else if (salary < 0) {
            addError("salary", "Salary must not be negative");
        }
    }
}
