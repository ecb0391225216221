package dev.modelrepo.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.modelrepo.model.Model;
import dev.modelrepo.model.Table;
import dev.modelrepo.repository.ModelRepository;
import dev.modelrepo.test.Engine;
import dev.modelrepo.test.EngineTest;
import dev.modelrepo.test.TestDatabase;

/** sqlite-jdbc's transaction quirks that modelrepo works around, reproduced. */
class SqliteTransactionGuardTests {

    /** A note. */
    @Table(name = "notes")
    public static class Note extends Model {
    }

    /**
     * A BEGIN that failed with SQLITE_BUSY leaves sqlite-jdbc believing a transaction is open (it flips its autocommit
     * flag before running BEGIN). Spring then begins nothing on that connection; modelrepo's guard starts the missing
     * transaction, so the work stays atomic.
     */
    @EngineTest(engines = Engine.SQLITE)
    void aConnectionLeftOutsideItsTransactionIsRepaired(TestDatabase db) throws SQLException {
        try (Connection raw = java.sql.DriverManager.getConnection(db.jdbcUrl())) {
            try (Statement s = raw.createStatement()) {
                s.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text VARCHAR(20))");
            }
            // the state a failed BEGIN leaves: the driver's flag says "in a transaction", SQLite has none
            raw.unwrap(org.sqlite.SQLiteConnection.class).getConnectionConfig().setAutoCommit(false);
            SingleConnectionDataSource single = new SingleConnectionDataSource(raw, true);
            ModelRepository repo = ModelRepository.builder(single).transactionManager(new JdbcTransactionManager(single)).build();
            TransactionTemplate tx = new TransactionTemplate(repo.transactionManager());
            assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
                repo.save(repo.build(Note.class, Map.of("text", "first")));
                repo.save(repo.build(Note.class, Map.of("text", "second")));
                throw new IllegalStateException("roll back both");
            })).isInstanceOf(IllegalStateException.class);
            tx.executeWithoutResult(status -> repo.save(repo.build(Note.class, Map.of("text", "kept"))));
            assertThat(repo.sql("SELECT text FROM notes").list(Map.of())).extracting(r -> r.get("text")).containsExactly("kept");
        }
    }
}
