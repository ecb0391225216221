package dev.modelrepo.autoconfigure.jackson;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;

import dev.modelrepo.model.BelongsTo;
import dev.modelrepo.model.HasMany;
import dev.modelrepo.model.Model;
import dev.modelrepo.model.ModelValidationException;
import dev.modelrepo.repository.ModelRepository;
import dev.modelrepo.schema.ColumnMetadata;
import dev.modelrepo.schema.TableMetadata;
import dev.modelrepo.types.ColumnKind;
import dev.modelrepo.types.ValueTypeException;

/** Reads one model class from a JSON object, property by property, collecting what does not fit. */
final class ModelDeserializer extends ValueDeserializer<Model> {

    private final Class<? extends Model> type;

    private final Function<Class<?>, ModelRepository> repositories;

    ModelDeserializer(Class<? extends Model> type, Function<Class<?>, ModelRepository> repositories) {
        this.type = type;
        this.repositories = repositories;
    }

    @Override
    public Model deserialize(JsonParser p, DeserializationContext ctxt) {
        if (!p.isExpectedStartObjectToken()) {
            return (Model) ctxt.handleUnexpectedToken(this.type, p);
        }
        ModelRepository repository = this.repositories.apply(this.type);
        Model model = repository.build(this.type, Map.of());
        TableMetadata table = repository.registry().table(this.type);
        Map<String, List<String>> errors = new LinkedHashMap<>();
        for (String name = p.nextName(); name != null; name = p.nextName()) {
            p.nextToken();
            ColumnMetadata column = table.column(name);
            if (column == null) {
                p.skipChildren();
                errors.put(name, List.of(unknown(name, table)));
                continue;
            }
            try {
                model.set(column.name(), value(p, ctxt, column.kind()));
            }
            catch (ValueTypeException ex) {
                errors.put(name, List.of(ex.detail()));
            }
        }
        if (!errors.isEmpty()) {
            throw new ModelValidationException(this.type.getSimpleName(), errors);
        }
        return model;
    }

    /** The JSON value as what its column kind is read from: exact decimals, base64 bytes, JSON text. */
    private static @Nullable Object value(JsonParser p, DeserializationContext ctxt, ColumnKind kind) {
        JsonToken token = p.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (kind == ColumnKind.JSON && (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY)) {
            return ctxt.readTree(p).toString();
        }
        if (kind == ColumnKind.BYTES && token == JsonToken.VALUE_STRING) {
            return p.getBinaryValue();
        }
        if (token == JsonToken.VALUE_NUMBER_FLOAT) {
            return kind == ColumnKind.DOUBLE ? (Object) p.getDoubleValue() : p.getDecimalValue();
        }
        if (token == JsonToken.VALUE_NUMBER_INT) {
            return p.getNumberValue();
        }
        return ctxt.readValue(p, Object.class);
    }

    /** Names what the property is instead (a relation) and what the model has. */
    private String unknown(String name, TableMetadata table) {
        List<String> relations = new ArrayList<>();
        for (BelongsTo relation : this.type.getAnnotationsByType(BelongsTo.class)) {
            if (relation.as().equalsIgnoreCase(name)) {
                return "'" + name + "' is a relation of " + this.type.getSimpleName()
                        + ", not a column: set its key column instead";
            }
            relations.add(relation.as());
        }
        for (HasMany relation : this.type.getAnnotationsByType(HasMany.class)) {
            relations.add(relation.as());
        }
        return this.type.getSimpleName() + " has no column '" + name + "'; its columns are " + table.columnNames()
                + (relations.isEmpty() ? "" : " (relations are not read from JSON: " + relations + ")");
    }

    @Override
    public Class<?> handledType() {
        return this.type;
    }
}
