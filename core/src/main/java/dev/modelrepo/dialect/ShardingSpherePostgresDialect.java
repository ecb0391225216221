package dev.modelrepo.dialect;

import org.jspecify.annotations.Nullable;

import dev.modelrepo.schema.ColumnMetadata;
import dev.modelrepo.types.ColumnKind;
import dev.modelrepo.types.ValueBinder;

/**
 * PostgreSQL behind Apache ShardingSphere-JDBC (5.5), which reports the storage's product name, so it is detected by
 * its connection class. Its connections create no JDBC arrays and its router splits only statements whose rows it can
 * see: IN lists are padded lists of binds instead of {@code = ANY(?)}, array columns are bound as text literals, and
 * bulk writes take {@link ShardingSphereBulkSupport}'s batch and multi-row paths instead of COPY and {@code unnest}.
 */
public class ShardingSpherePostgresDialect extends PostgresDialect {

    public static final ShardingSpherePostgresDialect INSTANCE = new ShardingSpherePostgresDialect();

    protected ShardingSpherePostgresDialect() {
        super("shardingsphere-postgresql");
    }

    @Override
    public InListStrategy inListStrategy() {
        return InListStrategy.PADDED;
    }

    @Override
    public ValueBinder binder(ColumnKind kind, @Nullable ColumnMetadata column) {
        if (kind == ColumnKind.ARRAY) {
            return PostgresTypes.ARRAY_LITERAL;
        }
        return super.binder(kind, column);
    }

    private final BulkSupport bulkSupport = new ShardingSphereBulkSupport(this);

    @Override
    public BulkSupport bulk() {
        return bulkSupport;
    }
}
