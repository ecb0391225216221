package dev.modelrepo.dialect;


/**
 * MariaDB: MySQL's syntax with LOCK IN SHARE MODE, WAIT n, and SKIP LOCKED from 10.6; no {@code OF}.
 * Version-dependent capabilities come from the server version it was resolved for.
 */
public class MariaDbDialect extends MySqlDialect {

    /** The dialect for a current MariaDB (10.6 or later). */
    public static final MariaDbDialect INSTANCE = new MariaDbDialect(10, 11);

    private final int major;

    private final int minor;

    protected MariaDbDialect(int major, int minor) {
        super("mariadb");
        this.major = major;
        this.minor = minor;
    }

    /** The dialect for a given server version. */
    public static MariaDbDialect forVersion(int major, int minor) {
        return major == 10 && minor == 11 ? INSTANCE : new MariaDbDialect(major, minor);
    }

    private boolean atLeast(int wantMajor, int wantMinor) {
        return major > wantMajor || (major == wantMajor && minor >= wantMinor);
    }

    /** MariaDB Connector/J streams with any positive fetch size. */
    @Override
    public java.sql.PreparedStatement prepareCursor(java.sql.Connection connection, String sql, int fetchSize) throws java.sql.SQLException {
        java.sql.PreparedStatement ps = connection.prepareStatement(sql, java.sql.ResultSet.TYPE_FORWARD_ONLY,
                java.sql.ResultSet.CONCUR_READ_ONLY);
        ps.setFetchSize(Math.max(1, fetchSize));
        return ps;
    }

    /** INSERT … RETURNING from MariaDB 10.5; UPDATE has no RETURNING. */
    @Override
    public @org.jspecify.annotations.Nullable String insertReturning(String insertSql, String columns) {
        return atLeast(10, 5) ? insertSql + " RETURNING " + columns : null;
    }

    /**
     * MariaDB reports a nullable column without a default as having the default {@code NULL} (a string default is
     * quoted, {@code 'NULL'}): that is no default.
     */
    @Override
    public @org.jspecify.annotations.Nullable String columnDefault(@org.jspecify.annotations.Nullable String reported) {
        return reported == null || reported.equalsIgnoreCase("NULL") ? null : reported;
    }

    /** FOR UPDATE and LOCK IN SHARE MODE, NOWAIT, WAIT n, SKIP LOCKED from 10.6; no OF. */
    @Override
    public LockClauses locks() {
        LockClauses l = locks;
        if (l == null) {
            l = LockClauses.rowLocks(name(), java.util.Map.of(RowLockStrength.UPDATE, "FOR UPDATE", RowLockStrength.SHARE,
                    "LOCK IN SHARE MODE"), false, java.util.Set.of(LockWaitPolicy.NOWAIT, LockWaitPolicy.SKIP_LOCKED, LockWaitPolicy.WAIT));
            if (!atLeast(10, 6)) {
                l = l.withoutSkipLocked("before MariaDB 10.6 (connected: " + major + "." + minor + ")");
            }
            locks = l;
        }
        return l;
    }

    /** Built on first use: the version fields are set after the superclass's field initialisers ran. */
    private volatile @org.jspecify.annotations.Nullable LockClauses locks;

    @Override
    public String toString() {
        return "MariaDbDialect " + major + "." + minor;
    }

    private final BulkSupport bulkSupport = new MariaDbBulkSupport(this);

    @Override
    public BulkSupport bulk() {
        return bulkSupport;
    }
}
