package dev.modelrepo.query.internal;

import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import dev.modelrepo.model.Model;
import dev.modelrepo.model.internal.ModelAccess;
import dev.modelrepo.model.internal.RowLayout;
import dev.modelrepo.query.error.ParameterTypeException;
import dev.modelrepo.schema.ColumnMetadata;
import dev.modelrepo.schema.TableMetadata;

/**
 * A model given where a value is bound stands for its key, as in {@code eq("e.department_id", department)}: in the DSL's
 * values and parameters, IN lists included, and in native SQL's parameters.
 */
public final class ModelValues {

    private static final ModelAccess<Model> ACCESS = ModelAccess.get(Model.class);

    private ModelValues() {
    }

    /**
     * The value to bind: a model's single-column key, anything else as it is.
     *
     * @param target what the value is bound for, for the error ("parameter 'd' for column Employee.department_id")
     * @throws ParameterTypeException for a model without a key value, or whose key has several columns
     */
    public static @Nullable Object bindable(@Nullable Object value, Supplier<String> target) {
        if (!(value instanceof Model model)) {
            return value;
        }
        RowLayout layout = ACCESS.layout(model);
        TableMetadata table = layout == null ? null : layout.table();
        String name = model.getClass().getSimpleName();
        if (table != null && table.primaryKey().size() != 1) {
            throw new ParameterTypeException(target.get() + " is given a " + name + (table.primaryKey().isEmpty()
                    ? ", whose table has no primary key" : ", whose key has the columns " + table.primaryKey().stream()
                            .map(ColumnMetadata::name).toList() + ": compare each key column with its value"));
        }
        Object key = model.id();
        if (key == null) {
            throw new ParameterTypeException(target.get() + " is given a " + name + " that has no key yet (it is not saved):"
                    + " save it first, or bind the value of the column it would be compared with");
        }
        return key;
    }
}
