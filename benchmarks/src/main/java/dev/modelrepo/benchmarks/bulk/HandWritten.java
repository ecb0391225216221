package dev.modelrepo.benchmarks.bulk;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/** The hand-written JDBC baselines: what a careful developer writes without a library. */
final class HandWritten {

    static final String INSERT = "INSERT INTO bench_rows (name, email, age, score, active, seen_at) VALUES (?, ?, ?, ?, ?, ?)";

    private HandWritten() {
    }

    /**
     * COPY … FROM STDIN (FORMAT text) through pgjdbc's CopyManager: rows encoded into a StringBuilder (NULL, backslash,
     * tab, newline and carriage return escaped, as modelrepo does) and flushed every 64 KB.
     */
    static long copy(Connection connection, List<Map<String, Object>> rows) throws SQLException {
        CopyIn in = connection.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("COPY bench_rows (name, email, age, score, active, seen_at) FROM STDIN (FORMAT text)");
        try {
            StringBuilder sb = new StringBuilder(1 << 17);
            for (Map<String, Object> row : rows) {
                escape(sb, (String) row.get("name"));
                sb.append('\t');
                escape(sb, (String) row.get("email"));
                sb.append('\t').append((int) (Integer) row.get("age")).append('\t').append((double) (Double) row.get("score"))
                        .append('\t').append((Boolean) row.get("active") ? 't' : 'f').append('\t');
                LocalDateTime seen = (LocalDateTime) row.get("seen_at");
                sb.append(seen.toLocalDate()).append(' ').append(seen.toLocalTime()).append('\n');
                if (sb.length() > 1 << 16) {
                    byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
                    in.writeToCopy(bytes, 0, bytes.length);
                    sb.setLength(0);
                }
            }
            byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
            in.writeToCopy(bytes, 0, bytes.length);
            return in.endCopy();
        }
        finally {
            if (in.isActive()) {
                in.cancelCopy();
            }
        }
    }

    private static void escape(StringBuilder sb, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '\t' -> sb.append("\\t");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                default -> sb.append(c);
            }
        }
    }

    /** One prepared INSERT, executeBatch every {@code batch} rows, in one transaction (the caller commits). */
    static int batchInsert(Connection connection, List<Map<String, Object>> rows, int batch) throws SQLException {
        int n = 0;
        try (PreparedStatement ps = connection.prepareStatement(INSERT)) {
            for (Map<String, Object> row : rows) {
                ps.setString(1, (String) row.get("name"));
                ps.setString(2, (String) row.get("email"));
                ps.setInt(3, (Integer) row.get("age"));
                ps.setDouble(4, (Double) row.get("score"));
                ps.setBoolean(5, (Boolean) row.get("active"));
                ps.setObject(6, row.get("seen_at"));
                ps.addBatch();
                if (++n % batch == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
        return n;
    }

    /** Multi-row INSERTs of {@code chunk} rows each (the last one shorter), values bound row by row. */
    static int multiValuesInsert(Connection connection, List<Map<String, Object>> rows, int chunk) throws SQLException {
        return multiValuesInsert(connection, rows, chunk, false);
    }

    private static int multiValuesInsert(Connection connection, List<Map<String, Object>> rows, int chunk, boolean timestampsAsText)
            throws SQLException {
        int n = 0;
        PreparedStatement full = null;
        try {
            for (int from = 0; from < rows.size(); from += chunk) {
                List<Map<String, Object>> part = rows.subList(from, Math.min(rows.size(), from + chunk));
                boolean whole = part.size() == chunk;
                if (whole && full == null) {
                    full = connection.prepareStatement(multiValues(chunk));
                }
                PreparedStatement ps = whole ? full : connection.prepareStatement(multiValues(part.size()));
                try {
                    int p = 1;
                    for (Map<String, Object> row : part) {
                        ps.setString(p++, (String) row.get("name"));
                        ps.setString(p++, (String) row.get("email"));
                        ps.setInt(p++, (Integer) row.get("age"));
                        ps.setDouble(p++, (Double) row.get("score"));
                        ps.setBoolean(p++, (Boolean) row.get("active"));
                        if (timestampsAsText) {
                            LocalDateTime seen = (LocalDateTime) row.get("seen_at");
                            ps.setString(p++, seen.toLocalDate() + " " + seen.toLocalTime());
                        }
                        else {
                            ps.setObject(p++, row.get("seen_at"));
                        }
                    }
                    n += ps.executeUpdate();
                }
                finally {
                    if (!whole) {
                        ps.close();
                    }
                }
            }
        }
        finally {
            if (full != null) {
                full.close();
            }
        }
        return n;
    }

    private static String multiValues(int rows) {
        StringBuilder sql = new StringBuilder("INSERT INTO bench_rows (name, email, age, score, active, seen_at) VALUES ");
        for (int i = 0; i < rows; i++) {
            sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?)");
        }
        return sql.toString();
    }

    /**
     * MariaDB {@code LOAD DATA LOCAL INFILE} fed from memory through Connector/J's {@code setLocalInfileInputStream}:
     * tab-separated text, backslash, tab and newline escaped (no value here is NULL).
     */
    static long loadDataLocal(Connection connection, List<Map<String, Object>> rows) throws SQLException {
        StringBuilder sb = new StringBuilder(rows.size() * 64);
        for (Map<String, Object> row : rows) {
            escape(sb, (String) row.get("name"));
            sb.append('\t');
            escape(sb, (String) row.get("email"));
            sb.append('\t').append((int) (Integer) row.get("age")).append('\t').append((double) (Double) row.get("score"))
                    .append('\t').append((Boolean) row.get("active") ? '1' : '0').append('\t');
            LocalDateTime seen = (LocalDateTime) row.get("seen_at");
            sb.append(seen.toLocalDate()).append(' ').append(seen.toLocalTime()).append('\n');
        }
        try (java.sql.Statement s = connection.createStatement()) {
            s.unwrap(org.mariadb.jdbc.Statement.class)
                    .setLocalInfileInputStream(new java.io.ByteArrayInputStream(sb.toString().getBytes(StandardCharsets.UTF_8)));
            return s.executeLargeUpdate("LOAD DATA LOCAL INFILE 'rows.tsv' INTO TABLE bench_rows CHARACTER SET utf8mb4"
                    + " (name, email, age, score, active, seen_at)");
        }
    }

    /** SQLite stores timestamps as ISO text, as modelrepo's SQLite dialect does. */
    static int sqliteBatchInsert(Connection connection, List<Map<String, Object>> rows, int batch) throws SQLException {
        int n = 0;
        try (PreparedStatement ps = connection.prepareStatement(INSERT)) {
            for (Map<String, Object> row : rows) {
                ps.setString(1, (String) row.get("name"));
                ps.setString(2, (String) row.get("email"));
                ps.setInt(3, (Integer) row.get("age"));
                ps.setDouble(4, (Double) row.get("score"));
                ps.setBoolean(5, (Boolean) row.get("active"));
                LocalDateTime seen = (LocalDateTime) row.get("seen_at");
                ps.setString(6, seen.toLocalDate() + " " + seen.toLocalTime());
                ps.addBatch();
                if (++n % batch == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
        return n;
    }

    /**
     * SQLite: multi-row INSERTs of {@code chunk} rows each (the last one shorter), timestamps as ISO text as in
     * {@link #sqliteBatchInsert}; {@code chunk} × 6 must stay within SQLite's 32,766 bind parameters.
     */
    static int sqliteMultiValuesInsert(Connection connection, List<Map<String, Object>> rows, int chunk) throws SQLException {
        return multiValuesInsert(connection, rows, chunk, true);
    }

    /** UPDATE … FROM unnest of typed arrays, one statement per chunk. */
    static int unnestUpdate(Connection connection, List<Map<String, Object>> rows, int chunk) throws SQLException {
        int n = 0;
        try (PreparedStatement ps = connection.prepareStatement("UPDATE bench_rows AS t SET name = v.name, age = v.age, score = v.score"
                + " FROM unnest(?, ?, ?, ?) AS v(id, name, age, score) WHERE t.id = v.id")) {
            for (int from = 0; from < rows.size(); from += chunk) {
                List<Map<String, Object>> part = rows.subList(from, Math.min(rows.size(), from + chunk));
                Long[] ids = new Long[part.size()];
                String[] names = new String[part.size()];
                Integer[] ages = new Integer[part.size()];
                Double[] scores = new Double[part.size()];
                for (int i = 0; i < part.size(); i++) {
                    Map<String, Object> row = part.get(i);
                    ids[i] = (Long) row.get("id");
                    names[i] = (String) row.get("name");
                    ages[i] = (Integer) row.get("age");
                    scores[i] = (Double) row.get("score");
                }
                ps.setArray(1, connection.createArrayOf("int8", ids));
                ps.setArray(2, connection.createArrayOf("text", names));
                ps.setArray(3, connection.createArrayOf("int4", ages));
                ps.setArray(4, connection.createArrayOf("float8", scores));
                n += ps.executeUpdate();
            }
        }
        return n;
    }

    /** A batch of single-row UPDATEs by key. */
    static int singleRowUpdates(Connection connection, List<Map<String, Object>> rows, int batch) throws SQLException {
        int n = 0;
        try (PreparedStatement ps = connection.prepareStatement("UPDATE bench_rows SET name = ?, age = ?, score = ? WHERE id = ?")) {
            for (Map<String, Object> row : rows) {
                ps.setString(1, (String) row.get("name"));
                ps.setInt(2, (Integer) row.get("age"));
                ps.setDouble(3, (Double) row.get("score"));
                ps.setLong(4, (Long) row.get("id"));
                ps.addBatch();
                if (++n % batch == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
        return n;
    }

    /** DELETE … WHERE id = ANY(?) with one int8 array per chunk. */
    static int anyDelete(Connection connection, List<Map<String, Object>> rows, int chunk) throws SQLException {
        int n = 0;
        try (PreparedStatement ps = connection.prepareStatement("DELETE FROM bench_rows WHERE id = ANY(?)")) {
            for (int from = 0; from < rows.size(); from += chunk) {
                List<Map<String, Object>> part = rows.subList(from, Math.min(rows.size(), from + chunk));
                Long[] ids = new Long[part.size()];
                for (int i = 0; i < part.size(); i++) {
                    ids[i] = (Long) part.get(i).get("id");
                }
                ps.setArray(1, connection.createArrayOf("int8", ids));
                n += ps.executeUpdate();
            }
        }
        return n;
    }

    /** A batch of single-row DELETEs by key. */
    static int singleRowDeletes(Connection connection, List<Map<String, Object>> rows, int batch) throws SQLException {
        int n = 0;
        try (PreparedStatement ps = connection.prepareStatement("DELETE FROM bench_rows WHERE id = ?")) {
            for (Map<String, Object> row : rows) {
                ps.setLong(1, (Long) row.get("id"));
                ps.addBatch();
                if (++n % batch == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
        return n;
    }

    /** Runs {@code work} in one transaction on a connection of the pool. */
    static <T> T inTransaction(javax.sql.DataSource dataSource, SqlWork<T> work) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
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

    @FunctionalInterface
    interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }
}
