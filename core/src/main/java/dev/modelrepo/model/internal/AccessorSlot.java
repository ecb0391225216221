package dev.modelrepo.model.internal;

import org.jspecify.annotations.Nullable;

/**
 * Where one accessor lives: installed once by the static initialiser of the public class it opens, and handed
 * out to callers that name that class, which is initialised first so the accessor is there.
 */
final class AccessorSlot<A> {

    private final String kind;

    private volatile @Nullable A accessor;

    private volatile @Nullable Class<?> owner;

    AccessorSlot(String kind) {
        this.kind = kind;
    }

    void install(Class<?> owner, A accessor) {
        synchronized (this) {
            if (this.accessor != null) {
                throw new IllegalStateException(kind + " is already installed by " + this.owner);
            }
            this.owner = owner;
            this.accessor = accessor;
        }
    }

    /** The accessor for {@code owner}, initialising that class first when nothing is installed yet. */
    A get(Class<?> owner) {
        A found = accessor;
        if (found == null) {
            try {
                Class.forName(owner.getName(), true, owner.getClassLoader());
            }
            catch (ClassNotFoundException ex) {
                throw new IllegalStateException(ex);
            }
            found = accessor;
        }
        if (found == null || this.owner != owner) {
            throw new IllegalStateException(owner.getName() + " installs no " + kind + " (installed by: " + this.owner + ")");
        }
        return found;
    }
}
