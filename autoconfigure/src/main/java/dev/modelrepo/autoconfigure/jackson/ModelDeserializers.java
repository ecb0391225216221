package dev.modelrepo.autoconfigure.jackson;

import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.Deserializers;

import dev.modelrepo.model.Model;
import dev.modelrepo.repository.ModelRepository;

/** Finds the {@link ModelDeserializer} of every concrete model class (Jackson caches each). */
final class ModelDeserializers extends Deserializers.Base {

    private final Function<Class<?>, ModelRepository> repositories;

    ModelDeserializers(Function<Class<?>, ModelRepository> repositories) {
        this.repositories = repositories;
    }

    @Override
    @SuppressWarnings("unchecked")
    public @Nullable ValueDeserializer<?> findBeanDeserializer(JavaType type, DeserializationConfig config,
            BeanDescription.Supplier description) {
        Class<?> raw = type.getRawClass();
        return ModelJacksonModule.isModel(raw) ? new ModelDeserializer((Class<? extends Model>) raw, this.repositories) : null;
    }

    @Override
    public boolean hasDeserializerFor(DeserializationConfig config, Class<?> valueType) {
        return ModelJacksonModule.isModel(valueType);
    }
}
