package dev.modelrepo.autoconfigure.jackson;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

import tools.jackson.core.Version;
import tools.jackson.databind.JacksonModule;

import dev.modelrepo.model.Model;
import dev.modelrepo.repository.ModelRepository;

/**
 * A Jackson 3 module that reads a model from a JSON object: a new, unsaved model (as {@code repo.build} makes) with
 * each property set as its column, through the repository's coercion (ISO dates, decimal text…; base64 for binary
 * columns; an object or array as the text of a JSON column). Every property that is not a column, and every value its
 * column cannot take, is collected into one {@link dev.modelrepo.model.ModelValidationException} (400 with the
 * errors by column through the problem details); nothing is dropped silently. Models are written as their column
 * maps, as without the module. The auto-configuration registers it with Spring Boot's {@code JsonMapper}; elsewhere:
 *
 * <pre>{@code
 * JsonMapper mapper = JsonMapper.builder().addModule(new ModelJacksonModule(repo)).build();
 * Book book = mapper.readValue("{\"title\": \"Dune\", \"published_on\": \"1965-08-01\"}", Book.class);
 * }</pre>
 */
public class ModelJacksonModule extends JacksonModule {

    private final Function<Class<?>, ModelRepository> repositories;

    /** A module whose models are built by this repository. */
    public ModelJacksonModule(ModelRepository repository) {
        this(() -> List.of(repository));
    }

    /**
     * A module whose models are built by whichever of these repositories registers the model's class (the only one,
     * when there is one); they are asked for on first use, not when the module is made.
     */
    public ModelJacksonModule(Supplier<? extends Iterable<ModelRepository>> repositories) {
        Map<Class<?>, ModelRepository> byType = new ConcurrentHashMap<>();
        this.repositories = (type) -> byType.computeIfAbsent(type, (t) -> find(t, repositories.get()));
    }

    @Override
    public String getModuleName() {
        return "modelrepo";
    }

    @Override
    public Version version() {
        return Version.unknownVersion();
    }

    @Override
    public void setupModule(SetupContext context) {
        context.addDeserializers(new ModelDeserializers(this.repositories));
    }

    private static ModelRepository find(Class<?> type, Iterable<ModelRepository> repositories) {
        ModelRepository only = null;
        int count = 0;
        for (ModelRepository repository : repositories) {
            if (repository.registry().modelTypes().contains(type)) {
                return repository;
            }
            only = repository;
            count++;
        }
        if (count == 1) {
            return only;
        }
        throw new IllegalStateException("No ModelRepository registers " + type.getName() + " to read it from JSON ("
                + count + " repositories); list its package in modelrepo.model-packages or its repository's model packages");
    }

    /** Whether Jackson should use the model deserializer for this type. */
    static boolean isModel(Class<?> type) {
        return Model.class.isAssignableFrom(type) && !java.lang.reflect.Modifier.isAbstract(type.getModifiers());
    }
}
