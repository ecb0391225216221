package dev.modelrepo.internal.write;

import java.util.ArrayList;
import java.util.List;

import org.springframework.dao.InvalidDataAccessApiUsageException;

import dev.modelrepo.dialect.Dialect;
import dev.modelrepo.internal.jdbc.BoundStatement;
import dev.modelrepo.internal.jdbc.StatementExecutor;
import dev.modelrepo.model.Model;
import dev.modelrepo.model.internal.ModelAccess;
import dev.modelrepo.model.internal.ModelInfo;
import dev.modelrepo.schema.ColumnMetadata;
import dev.modelrepo.types.ValueBinder;
import dev.modelrepo.types.ValueConverter;

/**
 * The key of a model inserted into a table whose INSERTs a rule rewrites ({@code TableMetadata.insertRule()}): the
 * database cannot return the key it generates there, so the key is taken from the key column's sequence before the
 * INSERT, and the stored row is then read back by that key.
 */
final class RoutedInsertKeys {

    private static final ModelAccess<Model> ACCESS = ModelAccess.get(Model.class);

    private RoutedInsertKeys() {
    }

    /** The columns to insert, the key column first when its value was taken from the sequence. */
    static List<ColumnMetadata> withKey(Model model, ModelInfo info, List<ColumnMetadata> columns, Dialect dialect,
            StatementExecutor executor, String table) {
        List<ColumnMetadata> missing = info.metadata().primaryKey().stream().filter(c -> !columns.contains(c)).toList();
        if (missing.isEmpty()) {
            return columns;
        }
        if (missing.size() > 1) {
            throw refused(info, missing.stream().map(ColumnMetadata::name).toList().toString(), "have no values");
        }
        ColumnMetadata key = missing.get(0);
        String sql = dialect.bulk().allocateKeys();
        if (sql == null) {
            throw refused(info, key.name(), "has no value");
        }
        ValueBinder text = (ps, i, v) -> ps.setString(i, (String) v);
        ValueBinder number = (ps, i, v) -> ps.setInt(i, (Integer) v);
        Object value = executor.query(new BoundStatement(sql, new ValueBinder[] { text, text, number },
                new Object[] { table, key.storedName(), 1 }), StatementExecutor.Op.of("select", info.metadata().name()),
                rs -> rs.next() ? rs.getObject(1) : null);
        if (value == null) {
            throw refused(info, key.name(), "takes its value from no sequence");
        }
        ACCESS.write(model, key.name(), ValueConverter.convert(value, key.kind()));
        List<ColumnMetadata> written = new ArrayList<>(columns.size() + 1);
        written.add(key);
        written.addAll(columns);
        return written;
    }

    private static InvalidDataAccessApiUsageException refused(ModelInfo info, String key, String problem) {
        return new InvalidDataAccessApiUsageException(info.name() + ": table " + info.metadata().name() + " routes INSERTs through rule "
                + info.metadata().insertRule() + ", so the database cannot return the key it generates, and " + key + " " + problem
                + "; set the key before saving");
    }
}
