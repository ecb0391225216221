package dev.modelrepo.repository.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Makes a facade ({@code BulkOperations}, {@code LockOperations}) from a repository's context, so that no public
 * constructor names the context: each facade class installs its factory when it is initialised, and the repository
 * asks for it by the facade's class.
 *
 * @param <F> the facade
 * @param <S> the facade's own settings (its defaults, say)
 */
public abstract class FacadeFactory<F, S> {

    private static final Map<Class<?>, FacadeFactory<?, ?>> INSTALLED = new ConcurrentHashMap<>();

    /** The factory {@code facade} installed, initialising that class first. */
    @SuppressWarnings("unchecked")
    public static <F, S> FacadeFactory<F, S> of(Class<F> facade) {
        try {
            Class.forName(facade.getName(), true, facade.getClassLoader());
        }
        catch (ClassNotFoundException ex) {
            throw new IllegalStateException(ex);
        }
        FacadeFactory<?, ?> factory = INSTALLED.get(facade);
        if (factory == null) {
            throw new IllegalStateException(facade.getName() + " installed no factory");
        }
        return (FacadeFactory<F, S>) factory;
    }

    /** Called once, by the static initialiser of {@code facade}. */
    public static <F> void install(Class<F> facade, FacadeFactory<F, ?> factory) {
        if (INSTALLED.putIfAbsent(facade, factory) != null) {
            throw new IllegalStateException(facade.getName() + " has a factory already");
        }
    }

    /** A new facade over the context. */
    public abstract F create(RepositoryContext context, S settings);
}
