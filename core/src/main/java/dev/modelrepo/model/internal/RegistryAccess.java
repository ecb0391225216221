package dev.modelrepo.model.internal;

/**
 * The layers' way to a registry's model infos, which are not public API. The public registry class installs the
 * one implementation from its static initialiser; callers hold it as {@code RegistryAccess.get(<registry class>)}.
 *
 * @param <R> the public registry class
 */
public abstract class RegistryAccess<R> {

    private static final AccessorSlot<RegistryAccess<?>> SLOT = new AccessorSlot<>("RegistryAccess");

    private final Class<R> type;

    protected RegistryAccess(Class<R> type) {
        this.type = type;
    }

    /** The accessor of the registry class {@code type}, which is initialised first (its static initialiser installs it). */
    @SuppressWarnings("unchecked")
    public static <R> RegistryAccess<R> get(Class<R> type) {
        return (RegistryAccess<R>) SLOT.get(type);
    }

    /** Installs the one accessor; a second install fails. */
    public static void install(RegistryAccess<?> access) {
        SLOT.install(access.type, access);
    }

    /** The binding of a model class in that registry (read from the database on first use). */
    public abstract ModelInfo info(R registry, Class<?> type);
}
