package dev.modelrepo.sample.model;

import dev.modelrepo.model.BelongsTo;
import dev.modelrepo.model.HasMany;
import dev.modelrepo.model.Model;
import dev.modelrepo.model.Table;

/** A department of a company. */
@Table(name = "departments")
@BelongsTo(model = Company.class, as = "company", key = "company_id")
@HasMany(model = Employee.class, as = "employees", foreignKey = "department_id")
public class Department extends Model {

    public String name() {
        return get("name", String.class);
    }

    @Override
    protected void validate() {
        Validation.requireText(this, "name", 100);
        Validation.require(this, "company_id");
    }
}
