package dev.modelrepo.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.jspecify.annotations.Nullable;

import dev.modelrepo.fixtures.Company;
import dev.modelrepo.fixtures.Department;
import dev.modelrepo.fixtures.Employee;
import dev.modelrepo.fixtures.User;
import dev.modelrepo.test.Changelog;
import dev.modelrepo.test.EngineTest;
import dev.modelrepo.test.TestDatabase;

/**
 * {@link ModelRegistry#loadAll()} checks every declared version column, relation key, converted column and read-back
 * column against the tables, and reports every mismatch in one exception (instead of failing at first use).
 */
@Changelog("db/changelog/test-schema.xml")
class StartupChecksTests {

    /** Stores nothing; only its declaration matters. */
    static final class Identity implements ColumnConverter<String, String> {
        @Override
        public String inflate(String stored) {
            return stored;
        }

        @Override
        public String deflate(String value) {
            return value;
        }

        @Override
        public boolean isDomainValue(@Nullable Object value) {
            return value instanceof String;
        }
    }

    @Table(name = "users", version = "lock_versoin", readBack = {"updated_at", "last_update"})
    @Convert(column = "statuz", converter = Identity.class)
    public static class MisdeclaredUser extends Model {
    }

    @Table(name = "departments")
    @BelongsTo(model = Company.class, as = "company", key = "companyid")
    @HasMany(model = Employee.class, as = "staff", foreignKey = "dept_id")
    @HasMany(model = Employee.class, as = "employees", foreignKey = "department_id")
    public static class MisdeclaredDepartment extends Model {
    }

    @Table(name = "companies", version = "name")
    public static class TextVersionedCompany extends Model {
    }

    @Table(name = "no_such_table")
    public static class Ghost extends Model {
    }

    @EngineTest
    void everyMismatchIsReportedInOneException(TestDatabase db) {
        ModelRegistry registry = new ModelRegistry(db.dataSource(), dev.modelrepo.dialect.DialectResolver.resolve(db.dataSource()))
                .register(MisdeclaredUser.class, MisdeclaredDepartment.class, TextVersionedCompany.class, User.class);
        ModelDeclarationException ex = catchThrowableOfType(ModelDeclarationException.class, registry::loadAll);
        assertThat(ex).isNotNull();
        assertThat(ex.problems()).extracting(ModelDeclarationException.Problem::model, ModelDeclarationException.Problem::annotation,
                ModelDeclarationException.Problem::column).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("MisdeclaredUser", "@Table(version)", "lock_versoin"),
                        org.assertj.core.groups.Tuple.tuple("MisdeclaredUser", "@Table(readBack)", "last_update"),
                        org.assertj.core.groups.Tuple.tuple("MisdeclaredUser", "@Convert(column)", "statuz"),
                        org.assertj.core.groups.Tuple.tuple("MisdeclaredDepartment", "@BelongsTo(company).key", "companyid"),
                        org.assertj.core.groups.Tuple.tuple("MisdeclaredDepartment", "@HasMany(staff).foreignKey", "dept_id"),
                        org.assertj.core.groups.Tuple.tuple("TextVersionedCompany", "@Table(version)", "name"));
        assertThat(ex.getMessage())
                .startsWith("6 model declarations do not match the database:")
                .contains("MisdeclaredUser: @Table(version) names the column 'lock_versoin', which table users does not have; it has [id, name,")
                .contains("lock_version")
                .contains("MisdeclaredDepartment: @HasMany(staff).foreignKey names the column 'dept_id', which table employees (of Employee)"
                        + " does not have; it has [id, department_id,")
                .contains("TextVersionedCompany: @Table(version) names the column 'name', which is of type ")
                .contains("not an integer column");
        assertThat(ex.problems().get(0).existing()).contains("lock_version");
    }

    @EngineTest
    void wellDeclaredModelsLoad(TestDatabase db) {
        ModelRegistry registry = new ModelRegistry(db.dataSource(), dev.modelrepo.dialect.DialectResolver.resolve(db.dataSource()))
                .register(User.class, Company.class, Department.class, Employee.class);
        registry.loadAll();
        assertThat(registry.loadedTables()).contains("users", "companies", "departments", "employees");
    }

    @EngineTest
    void aMissingTableIsStillReportedAsSuch(TestDatabase db) {
        ModelRegistry registry = new ModelRegistry(db.dataSource(), dev.modelrepo.dialect.DialectResolver.resolve(db.dataSource()))
                .register(MisdeclaredUser.class, Ghost.class);
        UnknownTableException ex = catchThrowableOfType(UnknownTableException.class, registry::loadAll);
        assertThat(ex).isNotNull();
        assertThat(ex.getSuppressed()).singleElement().isInstanceOf(ModelDeclarationException.class);
    }
}
