package dev.modelrepo.repository.internal;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.jdbc.core.DataClassRowMapper;

import dev.modelrepo.model.Model;
import dev.modelrepo.model.internal.ModelAccess;
import dev.modelrepo.model.internal.ModelInfo;
import dev.modelrepo.model.internal.RowLayout;
import dev.modelrepo.types.ColumnKind;
import dev.modelrepo.types.ColumnReader;
import dev.modelrepo.types.StandardReader;
import dev.modelrepo.types.ValueConverter;

/** Maps rows of native SQL to maps, models and records by column label; other classes through Spring's DataClassRowMapper. */
public final class NativeRowMapping {

    private static final ModelAccess<Model> ACCESS = ModelAccess.get(Model.class);

    private NativeRowMapping() {
    }

    /** How the rows of one native result become values: prepared once from its columns' readers and lower-case labels. */
    @FunctionalInterface
    public interface Rows<T> {
        RowReader<T> prepare(ColumnReader[] readers, String[] labels);
    }

    /** Rows as ordered maps with lower-case labels. */
    public static Rows<Map<String, @Nullable Object>> maps() {
        return (readers, labels) -> rs -> row(rs, readers, labels);
    }

    /** Rows as models of {@code info} (when not null), else as records or beans of {@code type} by column name. */
    @SuppressWarnings("unchecked")
    public static <T> Rows<T> into(Class<T> type, @Nullable ModelInfo info) {
        if (info != null) {
            return (readers, labels) -> rs -> (T) model(rs, readers, labels, info);
        }
        return (readers, labels) -> {
            ObjectMapper<T> mapper = objectMapper(type, labels);
            return rs -> mapper.map(rs, readers);
        };
    }

    public static Map<String, @Nullable Object> row(ResultSet rs, ColumnReader[] readers, String[] labels) throws SQLException {
        Map<String, @Nullable Object> row = new LinkedHashMap<>(labels.length * 2);
        for (int i = 0; i < readers.length; i++) {
            row.put(labels[i], StandardReader.read(readers[i], rs, i + 1));
        }
        return row;
    }

    /** A model of the result's columns; the table's columns are read with the table's own readers. */
    public static Model model(ResultSet rs, ColumnReader[] readers, String[] labels, ModelInfo info) throws SQLException {
        Object[] values = new Object[labels.length];
        for (int i = 0; i < labels.length; i++) {
            var column = info.metadata().column(labels[i]);
            values[i] = column != null ? info.converters().reader(column.name(), column.reader()).read(rs, i + 1)
                    : StandardReader.read(readers[i], rs, i + 1);
        }
        Model model = ACCESS.newInstance(info);
        ACCESS.load(model, new RowLayout(info.name(), info.metadata(), Arrays.asList(labels), labels.length), values);
        return model;
    }

    /** Maps one row to an object. */
    @FunctionalInterface
    public interface ObjectMapper<T> {
        T map(ResultSet rs, ColumnReader[] readers) throws SQLException;
    }

    /** A mapper for a record (by component name) or, for other classes, Spring's {@link DataClassRowMapper}. */
    public static <T> ObjectMapper<T> objectMapper(Class<T> type, String[] labels) {
        if (!type.isRecord()) {
            DataClassRowMapper<T> spring = new DataClassRowMapper<>(type);
            int[] row = { 0 };
            return (rs, readers) -> spring.mapRow(rs, row[0]++);
        }
        RecordComponent[] components = type.getRecordComponents();
        int[] columnOf = new int[components.length];
        for (int c = 0; c < components.length; c++) {
            columnOf[c] = indexOf(labels, components[c].getName());
            if (columnOf[c] < 0) {
                throw new InvalidDataAccessApiUsageException("Record " + type.getSimpleName() + " has component '" + components[c].getName()
                        + "' but the query returns only " + Arrays.toString(labels));
            }
        }
        Constructor<T> constructor;
        try {
            constructor = type.getDeclaredConstructor(Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            constructor.setAccessible(true);
        }
        catch (NoSuchMethodException ex) {
            throw new IllegalStateException(ex);
        }
        return (rs, readers) -> {
            Object[] args = new Object[components.length];
            for (int c = 0; c < components.length; c++) {
                Object value = readers[columnOf[c]].read(rs, columnOf[c] + 1);
                args[c] = adapt(value, components[c], type);
            }
            try {
                return constructor.newInstance(args);
            }
            catch (ReflectiveOperationException ex) {
                throw new IllegalStateException("Cannot create " + type.getName() + ": " + ex, ex);
            }
        };
    }

    private static @Nullable Object adapt(@Nullable Object value, RecordComponent component, Class<?> record) {
        Class<?> target = wrapper(component.getType());
        if (value == null) {
            if (component.getType().isPrimitive()) {
                throw new InvalidDataAccessApiUsageException("Column for " + record.getSimpleName() + "." + component.getName()
                        + " is NULL but the component is primitive " + component.getType());
            }
            return null;
        }
        if (target.isInstance(value)) {
            return value;
        }
        for (ColumnKind kind : ColumnKind.values()) {
            if (kind.javaType() == target) {
                return ValueConverter.convert(value, kind);
            }
        }
        throw new InvalidDataAccessApiUsageException(record.getSimpleName() + "." + component.getName() + " is " + target.getName()
                + " but the column holds " + value.getClass().getName());
    }

    private static Class<?> wrapper(Class<?> type) {
        if (!type.isPrimitive()) {
            return type;
        }
        return switch (type.getName()) {
            case "int" -> Integer.class;
            case "long" -> Long.class;
            case "double" -> Double.class;
            case "boolean" -> Boolean.class;
            case "short" -> Short.class;
            case "float" -> Float.class;
            default -> type;
        };
    }

    private static int indexOf(String[] labels, String component) {
        String snake = component.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
        for (int i = 0; i < labels.length; i++) {
            if (labels[i].equalsIgnoreCase(component) || labels[i].equals(snake)) {
                return i;
            }
        }
        return -1;
    }
}
