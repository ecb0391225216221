package dev.modelrepo.model;

import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.util.function.Supplier;

/** Makes new, empty instances of a model class through its no-argument constructor, whatever its visibility. */
final class ModelFactory {

    private ModelFactory() {
    }

    /**
     * The no-argument constructor as a {@link Supplier}: a generated lambda where this class may define one next
     * to the model (it is then as cheap as {@code new}), the reflective constructor otherwise (a model in a named
     * module that is not opened to modelrepo, or loaded by another class loader).
     */
    @SuppressWarnings("unchecked")
    static Supplier<Model> of(Class<? extends Model> type) {
        Constructor<? extends Model> c;
        try {
            c = type.getDeclaredConstructor();
            c.setAccessible(true);
        }
        catch (NoSuchMethodException | RuntimeException ex) {
            throw new UnknownModelException(type);
        }
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
            MethodHandle constructor = lookup.unreflectConstructor(c);
            return (Supplier<Model>) LambdaMetafactory.metafactory(lookup, "get", MethodType.methodType(Supplier.class),
                    MethodType.methodType(Object.class), constructor, MethodType.methodType(type)).getTarget().invoke();
        }
        catch (Throwable ex) {
            return () -> {
                try {
                    return c.newInstance();
                }
                catch (ReflectiveOperationException failed) {
                    throw new IllegalStateException("Cannot instantiate model " + type.getName() + ": " + failed, failed);
                }
            };
        }
    }
}
