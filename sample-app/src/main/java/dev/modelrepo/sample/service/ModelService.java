package dev.modelrepo.sample.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.modelrepo.model.BelongsTo;
import dev.modelrepo.model.Cascade;
import dev.modelrepo.model.Model;
import dev.modelrepo.model.ModelValidationException;
import dev.modelrepo.repository.ModelRepository;
import dev.modelrepo.types.ValueTypeException;

/**
 * Create, update and delete of any model from a JSON object of column values, in one transaction each. Input
 * errors name their field, all of them at once, as a {@link ModelValidationException} (modelrepo's problem details
 * answer it with 400 and the errors by column): an unknown column or a value its column cannot take, a failed
 * {@code validate()} (from {@code saveOrThrow}), a belongs-to key whose row does not exist. A missing id is
 * {@code repo.getById}'s {@code ModelNotFoundException} (404).
 */
@Service
@Transactional
public class ModelService {

    private final ModelRepository repository;

    public ModelService(ModelRepository repository) {
        this.repository = repository;
    }

    @Transactional(readOnly = true)
    public <M extends Model> M find(Class<M> type, long id) {
        return this.repository.getById(type, id);
    }

    public <M extends Model> M create(Class<M> type, Map<String, ?> input) {
        M model = this.repository.build(type, Map.of());
        apply(model, input, List.of());
        this.repository.saveOrThrow(model);
        return model;
    }

    /**
     * Sets the given columns of the stored model and saves the dirty ones. {@code passThrough} columns (the
     * optimistic-locking version) are set as given, so a stale value makes the update fail.
     */
    public <M extends Model> M update(Class<M> type, long id, Map<String, ?> input, List<String> passThrough) {
        M model = find(type, id);
        apply(model, input, passThrough);
        this.repository.saveOrThrow(model);
        return model;
    }

    public <M extends Model> M update(Class<M> type, long id, Map<String, ?> input) {
        return update(type, id, input, List.of());
    }

    /** Deletes the model (and with {@link Cascade#ALL} its has-many children). */
    public <M extends Model> void delete(Class<M> type, long id, Cascade cascade, @Nullable Integer version,
            @Nullable String versionColumn) {
        M model = find(type, id);
        if (version != null && versionColumn != null) {
            model.set(versionColumn, version);
        }
        this.repository.destroy(model, cascade);
    }

    private void apply(Model model, Map<String, ?> input, List<String> passThrough) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        input.forEach((column, value) -> {
            if (column.equalsIgnoreCase("id")) {
                errors.put(column, List.of("The id is chosen by the database and cannot be set"));
                return;
            }
            if (!passThrough.contains(column) && isVersion(model, column)) {
                return;
            }
            try {
                model.set(column, value);
            }
            catch (ValueTypeException ex) {
                errors.put(column, List.of(ex.detail()));
            }
            catch (InvalidDataAccessApiUsageException ex) {
                errors.put(column, List.of(String.valueOf(ex.getMessage())));
            }
        });
        if (errors.isEmpty()) {
            checkParentsExist(model, errors);
        }
        if (!errors.isEmpty()) {
            throw new ModelValidationException(model.getClass().getSimpleName(), errors);
        }
    }

    /** A belongs-to key must name an existing row: a foreign key violation would not say which field. */
    private void checkParentsExist(Model model, Map<String, List<String>> errors) {
        for (BelongsTo relation : model.getClass().getAnnotationsByType(BelongsTo.class)) {
            String[] columns = relation.foreignKey().length > 0 ? relation.foreignKey() : relation.key();
            if (columns.length != 1) {
                continue;   // the sample's relations have single-column keys
            }
            String key = columns[0].toLowerCase(Locale.ROOT);
            Object parentId = model.get(key);
            if (parentId != null && model.dirtyColumns().contains(key)
                    && this.repository.findById(relation.model(), parentId).isEmpty()) {
                errors.put(key, new ArrayList<>(List.of("No " + name(relation.model()) + " with id " + parentId)));
            }
        }
    }

    private static boolean isVersion(Model model, String column) {
        dev.modelrepo.model.Table table = model.getClass().getAnnotation(dev.modelrepo.model.Table.class);
        return table != null && table.version().equalsIgnoreCase(column);
    }

    static String name(Class<?> type) {
        return type.getSimpleName().toLowerCase(Locale.ROOT);
    }
}
