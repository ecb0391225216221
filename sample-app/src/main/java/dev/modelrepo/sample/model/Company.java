package dev.modelrepo.sample.model;

import dev.modelrepo.model.HasMany;
import dev.modelrepo.model.Model;
import dev.modelrepo.model.Table;

/** A company; its columns (id, name, industry) come from the database. */
@Table(name = "companies")
@HasMany(model = Department.class, as = "departments", foreignKey = "company_id")
public class Company extends Model {

    public String name() {
        return get("name", String.class);
    }

    @Override
    protected void validate() {
        Validation.requireText(this, "name", 100);
    }
}
