package dev.modelrepo.benchmarks.peers;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

/** The plain JDBC batches of the bulk benchmarks: one transaction, {@value #BATCH} rows per {@code executeBatch}. */
final class BulkJdbc {

    static final int BATCH = 1_000;

    private BulkJdbc() {
    }

    /** Binds item {@code i} of a batch. */
    @FunctionalInterface
    interface Binder {
        void bind(PreparedStatement ps, int i) throws SQLException;
    }

    /** A statement batched over {@code n} items in one transaction, {@value #BATCH} per executeBatch. */
    static int jdbcBatch(DataSource dataSource, String sql, int n, Binder binder) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int total = 0;
                for (int i = 0; i < n; i++) {
                    binder.bind(ps, i);
                    ps.addBatch();
                    if ((i + 1) % BATCH == 0 || i == n - 1) {
                        for (int count : ps.executeBatch()) {
                            total += count == Statement.SUCCESS_NO_INFO ? 1 : count;
                        }
                    }
                }
                c.commit();
                return total;
            }
            catch (SQLException | RuntimeException ex) {
                c.rollback();
                throw ex;
            }
            finally {
                c.setAutoCommit(true);
            }
        }
    }

    /** The rows JdbcTemplate's batches report (a driver that does not count reports SUCCESS_NO_INFO per row). */
    static int total(int[][] counts) {
        int total = 0;
        for (int[] batch : counts) {
            for (int count : batch) {
                total += count == Statement.SUCCESS_NO_INFO ? 1 : count;
            }
        }
        return total;
    }
}
