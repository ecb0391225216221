package dev.modelrepo.repository;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.SqlParameter;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterUtils;

import dev.modelrepo.schema.ColumnTypeInfo;
import dev.modelrepo.dialect.Dialect;
import dev.modelrepo.model.Model;
import dev.modelrepo.model.ModelRegistry;
import dev.modelrepo.model.internal.RegistryAccess;
import dev.modelrepo.repository.internal.NativeRowMapping;
import dev.modelrepo.internal.jdbc.BoundStatement;
import dev.modelrepo.internal.jdbc.StatementExecutor;
import dev.modelrepo.types.ValueBinder;
import dev.modelrepo.types.ColumnKind;
import dev.modelrepo.types.ColumnReader;

/**
 * Native SQL with {@code :named} parameters (parsed by Spring's {@link NamedParameterUtils}, knowing the engine's
 * quoting: {@code :x} inside PostgreSQL's {@code $$…$$} and {@code E'…'} or MySQL's {@code 'it\'s'} is text;
 * collections expand to {@code ?, ?, …}, an empty one in {@code IN (:ids)} matches no row and in {@code NOT IN}
 * every row; PostgreSQL's {@code ?}, {@code ?|} and {@code ?&} operators are written as they are), run on the
 * transaction's connection. Results come as maps with lower-case keys,
 * as Java records or classes by column name ({@link #into}), or as models. Values are bound and read through
 * the dialect, so dates, UUIDs and booleans behave as in the DSL.
 */
public final class NativeQuery {

    private static final RegistryAccess<ModelRegistry> REGISTRY = RegistryAccess.get(ModelRegistry.class);

    private final String sql;

    private final NativeSql parsed;

    private final Dialect dialect;

    private final StatementExecutor executor;

    private final ModelRepository repository;

    NativeQuery(String sql, NativeSql parsed, Dialect dialect, StatementExecutor executor, ModelRepository repository) {
        this.sql = sql;
        this.parsed = parsed;
        this.dialect = dialect;
        this.executor = executor;
        this.repository = repository;
    }

    /** The rows as ordered maps with lower-case column labels. */
    public List<Map<String, @Nullable Object>> list(Map<String, ?> params) {
        return query(params, (rs, readers, labels) -> {
            List<Map<String, @Nullable Object>> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(NativeRowMapping.row(rs, readers, labels));
            }
            return rows;
        });
    }

    /** The first row, if any. */
    public Optional<Map<String, @Nullable Object>> first(Map<String, ?> params) {
        List<Map<String, @Nullable Object>> rows = list(params);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /** The rows mapped to a record (components by column name, snake_case or camelCase), a model, or a bean. */
    public <T> Typed<T> into(Class<T> type) {
        return new Typed<>(type);
    }

    /** Runs an INSERT/UPDATE/DELETE and returns the affected row count. */
    public int update(Map<String, ?> params) {
        return executor.update(bind(params), StatementExecutor.Op.of("native", "none"));
    }

    /** Typed results of a native query. */
    public final class Typed<T> {

        private final Class<T> type;

        private Typed(Class<T> type) {
            this.type = type;
        }

        @SuppressWarnings("unchecked")
        public List<T> list(Map<String, ?> params) {
            return query(params, (rs, readers, labels) -> {
                List<T> out = new ArrayList<>();
                if (Model.class.isAssignableFrom(type)) {
                    var info = REGISTRY.info(repository.registry(), type);
                    while (rs.next()) {
                        out.add((T) NativeRowMapping.model(rs, readers, labels, info));
                    }
                }
                else {
                    var mapper = NativeRowMapping.objectMapper(type, labels);
                    while (rs.next()) {
                        out.add(mapper.map(rs, readers));
                    }
                }
                return out;
            });
        }

        public Optional<T> first(Map<String, ?> params) {
            List<T> rows = list(params);
            return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
        }
    }

    @FunctionalInterface
    private interface Extractor<R> {
        R extract(ResultSet rs, ColumnReader[] readers, String[] labels) throws SQLException;
    }

    private <R> R query(Map<String, ?> params, Extractor<R> extractor) {
        return executor.query(bind(params), StatementExecutor.Op.of("native", "none"), rs -> {
            ResultSetMetaData md = rs.getMetaData();
            int n = md.getColumnCount();
            ColumnReader[] readers = new ColumnReader[n];
            String[] labels = new String[n];
            for (int i = 0; i < n; i++) {
                labels[i] = md.getColumnLabel(i + 1).toLowerCase(Locale.ROOT);
                ColumnKind kind = dialect.columnKind(new ColumnTypeInfo(md.getColumnType(i + 1),
                        String.valueOf(md.getColumnTypeName(i + 1)), md.getPrecision(i + 1), md.getScale(i + 1), false, false));
                readers[i] = dialect.reader(kind, null);
            }
            return extractor.extract(rs, readers, labels);
        });
    }

    /** The SQL with {@code ?} placeholders, each value with the dialect's binder for its type and the name of its parameter. */
    private BoundStatement bind(Map<String, ?> params) {
        dev.modelrepo.internal.Arguments.notNull(params, "params");
        MapSqlParameterSource source = new MapSqlParameterSource(params);
        String expanded = parsed.substitute(source);
        Object[] values = NamedParameterUtils.buildValueArray(parsed.parsed(), source, null);
        List<SqlParameter> names = NamedParameterUtils.buildSqlParameterList(parsed.parsed(), source);
        List<Object> flat = new ArrayList<>(values.length);
        List<String> flatNames = new ArrayList<>(values.length);
        for (int i = 0; i < values.length; i++) {
            String name = names.get(i).getName();
            if (values[i] instanceof Iterable<?> items) {
                for (Object item : items) {
                    flat.add(item);
                    flatNames.add(name);
                }
            }
            else {
                flat.add(values[i]);
                flatNames.add(name);
            }
        }
        ValueBinder[] binders = new ValueBinder[flat.size()];
        for (int i = 0; i < binders.length; i++) {
            Object value = flat.get(i);
            binders[i] = dialect.binder(value == null ? ColumnKind.OTHER : ColumnKind.ofValue(value), null);
        }
        return new BoundStatement(expanded, binders, flat.toArray(), flatNames.toArray(String[]::new));
    }

    @Override
    public String toString() {
        return "NativeQuery[" + sql + "]";
    }
}
