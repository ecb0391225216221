package dev.modelrepo.test;

import java.sql.Connection;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import liquibase.Scope;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.command.core.helpers.ShowSummaryArgument;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.ui.LoggerUIService;
import liquibase.UpdateSummaryEnum;

/**
 * Runs Liquibase's {@code update} command on one connection, quietly and without analytics; kept
 * apart so that only tests that use a changelog need Liquibase on the class path.
 */
final class LiquibaseMigrator {

    /** Held so that the level set here is not lost when the logger is garbage collected. */
    private static final Logger LIQUIBASE_LOGGER = Logger.getLogger("liquibase");

    static {
        LIQUIBASE_LOGGER.setLevel(Level.WARNING);
    }

    private LiquibaseMigrator() {
    }

    /**
     * Applies {@code changelog} (a class-path resource) through {@code connection}; when
     * {@code defaultSchema} is not null, Liquibase creates its objects and its own tables there.
     */
    static void update(Connection connection, String changelog, String defaultSchema) {
        Map<String, Object> scope = Map.of(
                Scope.Attr.resourceAccessor.name(),
                new ClassLoaderResourceAccessor(Thread.currentThread().getContextClassLoader()),
                Scope.Attr.ui.name(), new LoggerUIService(),
                "liquibase.analytics.enabled", false,
                "liquibase.showBanner", false);
        try {
            Scope.child(scope, () -> {
                Database database = DatabaseFactory.getInstance()
                        .findCorrectDatabaseImplementation(new JdbcConnection(connection));
                if (defaultSchema != null) {
                    database.setDefaultSchemaName(defaultSchema);
                }
                new CommandScope(UpdateCommandStep.COMMAND_NAME)
                        .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                        .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, changelog)
                        .addArgumentValue(ShowSummaryArgument.SHOW_SUMMARY, UpdateSummaryEnum.OFF)
                        .execute();
            });
        } catch (Exception e) {
            throw new IllegalStateException("Liquibase could not apply " + changelog, e);
        }
    }
}
