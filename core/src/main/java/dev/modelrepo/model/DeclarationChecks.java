package dev.modelrepo.model;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import dev.modelrepo.model.ModelDeclarationException.Problem;
import dev.modelrepo.model.internal.MaintainedTimestamps;
import dev.modelrepo.model.internal.ModelInfo;
import dev.modelrepo.model.internal.Relation;
import dev.modelrepo.schema.ColumnMetadata;
import dev.modelrepo.schema.TableMetadata;
import dev.modelrepo.types.ColumnKind;

/**
 * Checks what model classes declare against their tables when a registry loads: every version column, read-back
 * column, converted column and relation key must be a column of the table it belongs to (a version column an
 * integer one, a maintained created_at/updated_at one that can hold a timestamp), so a mismatch fails start-up instead of the first write that needs it.
 */
final class DeclarationChecks {

    private DeclarationChecks() {
    }

    /**
     * The problems of these loaded models, in their order.
     * @param infoOf the binding of a relation's target (which may load its table)
     * @param missing told of a relation target whose table does not exist
     */
    static List<Problem> problems(List<ModelInfo> models, Function<Class<?>, ModelInfo> infoOf, Consumer<UnknownTableException> missing) {
        List<Problem> problems = new ArrayList<>();
        for (ModelInfo info : models) {
            TableMetadata table = info.metadata();
            String label = table.name();
            String version = info.table().version();
            if (!version.isEmpty()) {
                ColumnMetadata column = check(problems, info.name(), "@Table(version)", version, table, label);
                if (column != null && column.kind() != ColumnKind.INTEGER && column.kind() != ColumnKind.BIGINT) {
                    problems.add(new Problem(info.name(), "@Table(version)", column.name(), label, table.columnNames(),
                            "which is of type " + column.typeName() + ", not an integer column (optimistic locking adds 1 to it)"));
                }
            }
            checkTimestamp(problems, info, "@Table(createdAt)", info.table().createdAt());
            checkTimestamp(problems, info, "@Table(updatedAt)", info.table().updatedAt());
            for (String column : info.table().readBack()) {
                check(problems, info.name(), "@Table(readBack)", column, table, label);
            }
            for (Convert convert : info.type().getAnnotationsByType(Convert.class)) {
                check(problems, info.name(), "@Convert(column)", convert.column(), table, label);
            }
            for (Relation relation : info.relations().values()) {
                checkRelation(problems, info, relation, infoOf, missing);
            }
        }
        return problems;
    }

    private static void checkRelation(List<Problem> problems, ModelInfo info, Relation relation, Function<Class<?>, ModelInfo> infoOf,
            Consumer<UnknownTableException> missing) {
        if (relation.isThrough()) {
            return;   // its two relations are checked themselves; ModelDeclarations checked that they exist
        }
        boolean belongsTo = relation.kind() == Relation.Kind.BELONGS_TO;
        ModelInfo target;
        try {
            target = infoOf.apply(relation.target());
        }
        catch (UnknownTableException ex) {
            missing.accept(ex);
            if (belongsTo) {
                checkColumns(problems, info, relation, info.metadata(), info.metadata().name());
            }
            return;
        }
        TableMetadata holder = belongsTo ? info.metadata() : target.metadata();
        checkColumns(problems, info, relation, holder, belongsTo ? holder.name() : holder.name() + " (of " + target.name() + ")");
        ModelInfo keyed = belongsTo ? target : info;
        List<ColumnMetadata> pk = keyed.metadata().primaryKey();
        if (pk.size() != relation.columns().size()) {
            problems.add(new Problem(info.name(), annotation(relation), String.join(", ", relation.columns()), holder.name(),
                    pk.stream().map(ColumnMetadata::name).toList(), "which pairs " + relation.columns().size() + " column(s) with the primary key "
                    + pk.stream().map(ColumnMetadata::name).toList() + " of " + keyed.name() + ": give one foreign-key column per key column"));
        }
    }

    /** A maintained created_at/updated_at the table has must be able to hold a timestamp (a missing one is fine). */
    private static void checkTimestamp(List<Problem> problems, ModelInfo info, String annotation, String name) {
        ColumnMetadata column = name.isEmpty() ? null : info.metadata().column(name);
        String problem = column == null || column.generated() ? null : MaintainedTimestamps.problem(column);
        if (problem != null) {
            problems.add(new Problem(info.name(), annotation, column.name(), info.metadata().name(), info.metadata().columnNames(),
                    "maintained as a timestamp, but " + problem));
        }
    }

    private static void checkColumns(List<Problem> problems, ModelInfo info, Relation relation, TableMetadata holder, String label) {
        for (String column : relation.columns()) {
            check(problems, info.name(), annotation(relation), column, holder, label);
        }
    }

    private static String annotation(Relation relation) {
        return relation.declaration() + (relation.kind() == Relation.Kind.BELONGS_TO ? ".key" : ".foreignKey");
    }

    /** The named column of the table, or null with a problem recorded. */
    private static @Nullable ColumnMetadata check(List<Problem> problems, String model, String annotation, String column, TableMetadata table,
            String label) {
        ColumnMetadata found = table.column(column);
        if (found == null) {
            problems.add(new Problem(model, annotation, column, label, table.columnNames(),
                    "which table " + label + " does not have; it has " + table.columnNames()));
        }
        return found;
    }
}
