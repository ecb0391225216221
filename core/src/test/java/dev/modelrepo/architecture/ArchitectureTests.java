package dev.modelrepo.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The layering of core's packages, bottom up: {@code internal} (argument checks, shared helpers) and {@code types}
 * (column kinds, readers, binders, conversions) need no other package; {@code schema} (what the database says of its
 * tables) needs only those; {@code dialect} (one class per database and its capabilities) needs only those three;
 * {@code replica} (read-replica routing) needs only the dialects; {@code internal.jdbc} (running statements) adds
 * {@code observation} and {@code replica}; the query DSL never reaches into the facades.
 * Above them: {@code model.internal} below {@code model}, {@code query.internal} below {@code query},
 * {@code repository.internal} (the context every facade is built from) below the facades, {@code bulk} and {@code lock}
 * below {@code repository}; and no package of core is in a dependency cycle.
 */
class ArchitectureTests {

    private static final JavaClasses CORE = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.modelrepo");

    private static final String[] ABOVE_DIALECT = { "dev.modelrepo.model..", "dev.modelrepo.query..", "dev.modelrepo.repository..",
            "dev.modelrepo.bulk..", "dev.modelrepo.lock..", "dev.modelrepo.tx..", "dev.modelrepo.observation.." };

    @Test
    void typesNeedNoOtherPackage() {
        noClasses().that().resideInAPackage("dev.modelrepo.types..").should().dependOnClassesThat()
                .resideInAnyPackage(concat(ABOVE_DIALECT, "dev.modelrepo.dialect..", "dev.modelrepo.schema.."))
                .check(CORE);
    }

    @Test
    void schemaNeedsOnlyTypes() {
        noClasses().that().resideInAPackage("dev.modelrepo.schema..").should().dependOnClassesThat()
                .resideInAnyPackage(concat(ABOVE_DIALECT, "dev.modelrepo.dialect.."))
                .check(CORE);
    }

    @Test
    void dialectsNeedOnlySchemaAndTypes() {
        noClasses().that().resideInAPackage("dev.modelrepo.dialect..").should().dependOnClassesThat()
                .resideInAnyPackage(ABOVE_DIALECT)
                .check(CORE);
    }

    @Test
    void replicaRoutingNeedsOnlyTheDialects() {
        noClasses().that().resideInAPackage("dev.modelrepo.replica..").should().dependOnClassesThat()
                .resideInAnyPackage(concat(ABOVE_DIALECT, "dev.modelrepo.internal.jdbc.."))
                .check(CORE);
    }

    @Test
    void statementExecutionNeedsNothingAboveTheDialects() {
        noClasses().that().resideInAPackage("dev.modelrepo.internal.jdbc..").should().dependOnClassesThat()
                .resideInAnyPackage("dev.modelrepo.model..", "dev.modelrepo.query..", "dev.modelrepo.repository..",
                        "dev.modelrepo.bulk..", "dev.modelrepo.lock..", "dev.modelrepo.tx..")
                .check(CORE);
    }

    @Test
    void theQueryDslDoesNotReachIntoTheFacades() {
        noClasses().that().resideInAPackage("dev.modelrepo.query..").should().dependOnClassesThat()
                .resideInAnyPackage("dev.modelrepo.repository..", "dev.modelrepo.bulk..", "dev.modelrepo.lock..")
                .check(CORE);
    }

    @Test
    void theSharedInternalsNeedNoOtherPackage() {
        noClasses().that().resideInAPackage("dev.modelrepo.internal").should().dependOnClassesThat()
                .resideInAnyPackage(concat(ABOVE_DIALECT, "dev.modelrepo.dialect..", "dev.modelrepo.schema..", "dev.modelrepo.types.."))
                .check(CORE);
    }

    @Test
    void theModelInternalsSitBelowTheModelPackage() {
        noClasses().that().resideInAPackage("dev.modelrepo.model.internal").should().dependOnClassesThat()
                .resideInAPackage("dev.modelrepo.model")
                .check(CORE);
    }

    @Test
    void theBulkAndLockFacadesDoNotNeedTheRepository() {
        noClasses().that().resideInAnyPackage("dev.modelrepo.bulk..", "dev.modelrepo.lock..").should().dependOnClassesThat()
                .resideInAPackage("dev.modelrepo.repository")
                .check(CORE);
    }

    @Test
    void theRepositoryContextSitsBelowEveryFacade() {
        noClasses().that().resideInAPackage("dev.modelrepo.repository.internal").should().dependOnClassesThat()
                .resideInAnyPackage("dev.modelrepo.repository", "dev.modelrepo.bulk", "dev.modelrepo.lock")
                .check(CORE);
    }

    @Test
    void eachInternalPackageSitsBelowItsFacade() {
        noClasses().that().resideInAPackage("dev.modelrepo.bulk.internal").should().dependOnClassesThat()
                .resideInAPackage("dev.modelrepo.bulk")
                .check(CORE);
    }

    @Test
    void theQueryCompilerSitsBelowTheDsl() {
        noClasses().that().resideInAPackage("dev.modelrepo.query.internal").should().dependOnClassesThat()
                .resideInAPackage("dev.modelrepo.query")
                .check(CORE);
    }

    @Test
    void noPackageIsInACycle() {
        // every package its own slice: an internal package and its public parent are two slices too
        slices().matching("dev.modelrepo.(**)").should().beFreeOfCycles().check(CORE);
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
