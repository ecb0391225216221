package dev.modelrepo.dialect;

import java.nio.charset.StandardCharsets;
import java.sql.Types;

import org.jspecify.annotations.Nullable;

import dev.modelrepo.schema.ColumnMetadata;
import dev.modelrepo.types.ColumnKind;
import dev.modelrepo.types.ValueBinder;
import dev.modelrepo.schema.ColumnTypeInfo;

/** H2 2.x: array binds for IN lists (several arrays past 65,536 values), FOR UPDATE with NOWAIT, WAIT n and SKIP LOCKED. */
public class H2Dialect extends AnsiDialect {

    public static final H2Dialect INSTANCE = new H2Dialect();

    protected H2Dialect() {
        super("h2", "H2");
    }

    @Override
    public InListStrategy inListStrategy() {
        return InListStrategy.ARRAY;
    }

    /** H2's largest array (its MAX_ARRAY_CARDINALITY); a longer list is sent as several arrays. */
    static final int MAX_ARRAY_ELEMENTS = 65_536;

    /**
     * Keys per statement where the caller can split them (includes). With a long array H2 may plan a scan of the
     * table in key order (skipping the sort) and compare every row with every element ({@code ConditionInArray}):
     * rows × keys comparisons, 46 s for an include of 30,000 parents; past 65,536 keys the OR-ed arrays always scan.
     * 128 keys keep the index lookup, and the include linear.
     */
    static final int KEYS_PER_STATEMENT = 128;

    private static final InListSupport IN_LISTS = new ArrayInList(MAX_ARRAY_ELEMENTS, KEYS_PER_STATEMENT);

    @Override
    public InListSupport inLists() {
        return IN_LISTS;
    }

    private static final NativeSqlSyntax SYNTAX = new NativeSqlSyntax(true, false, false, false);

    @Override
    public NativeSqlSyntax nativeSqlSyntax() {
        return SYNTAX;
    }

    /** ENUM(…) columns are text, GEOMETRY (E)WKB bytes, as H2 gives them without JTS on the class path. */
    @Override
    public ColumnKind columnKind(ColumnTypeInfo type) {
        String t = type.typeName().toUpperCase(java.util.Locale.ROOT);
        if (t.startsWith("ENUM")) {
            return ColumnKind.STRING;
        }
        if (t.startsWith("GEOMETRY")) {
            return ColumnKind.BYTES;
        }
        return super.columnKind(type);
    }

    @Override
    public ValueBinder binder(ColumnKind kind, @Nullable ColumnMetadata column) {
        if (kind == ColumnKind.JSON) {
            // H2 stores a bound VARCHAR as a JSON string value; bytes are taken as JSON text.
            return (ps, i, v) -> {
                if (v == null) {
                    ps.setNull(i, Types.OTHER);
                }
                else {
                    ps.setBytes(i, ((String) v).getBytes(StandardCharsets.UTF_8));
                }
            };
        }
        return super.binder(kind, column);
    }

    /** H2 has no RETURNING; its data change delta table gives the stored row. */
    @Override
    public @Nullable String insertReturning(String insertSql, String columns) {
        return "SELECT " + columns + " FROM FINAL TABLE (" + insertSql + ")";
    }

    /** H2 hands the identity over without the query that {@code FROM FINAL TABLE} would run. */
    @Override
    public boolean prefersGeneratedKeys() {
        return true;
    }

    @Override
    public @Nullable String updateReturning(String updateSql, String columns) {
        return "SELECT " + columns + " FROM FINAL TABLE (" + updateSql + ")";
    }

    private static final dev.modelrepo.schema.GeneratedColumnDetection GENERATED_COLUMNS = new H2GeneratedColumns();

    @Override
    public dev.modelrepo.schema.GeneratedColumnDetection generatedColumns() {
        return GENERATED_COLUMNS;
    }

    private final BulkSupport bulkSupport = new H2BulkSupport(this);

    @Override
    public BulkSupport bulk() {
        return bulkSupport;
    }

    private final JoinClauses joins = JoinClauses.standard(name()).without(JoinKind.FULL, "");

    /** Every join but FULL. */
    @Override
    public JoinClauses joins() {
        return joins;
    }

    private final LockClauses locks = LockClauses.rowLocks(name(), java.util.Map.of(RowLockStrength.UPDATE, "FOR UPDATE"), false,
            java.util.Set.of(LockWaitPolicy.NOWAIT, LockWaitPolicy.SKIP_LOCKED, LockWaitPolicy.WAIT));

    /** FOR UPDATE with NOWAIT, SKIP LOCKED and WAIT n. */
    @Override
    public LockClauses locks() {
        return locks;
    }

    @Override
    public ConstraintMessages constraintMessages() {
        return new H2ConstraintMessages();
    }

    /** Deadlock (40001), lock timeout (50200) and a concurrent update of the same row (90131). */
    private static final ConflictCodes CONFLICTS = ConflictCodes.ofVendorCodes(40001, 50200, 90131);

    @Override
    public ConflictCodes conflictCodes() {
        return CONFLICTS;
    }
}
