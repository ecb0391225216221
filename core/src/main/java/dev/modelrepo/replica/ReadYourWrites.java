package dev.modelrepo.replica;

import java.util.HexFormat;

/**
 * The read-your-writes scope of the current thread: the replication position of the last commit that wrote through a
 * {@link ReplicaRouting} on this thread. While the replica has not replayed up to it, this thread's read-only
 * transactions and reads run on the primary, so a thread never reads data older than its own commits. A request that
 * ends on one thread and continues on another (the next HTTP request of the same user, an async task) carries the
 * scope with {@link #token()} and {@link #resume(String)}.
 */
public final class ReadYourWrites {

    private static final String PREFIX = "ryw1-";

    private static final ThreadLocal<long[]> POSITION = ThreadLocal.withInitial(() -> new long[] { 0 });

    private ReadYourWrites() {
    }

    /**
     * An opaque token of this thread's scope (its last commit's position), to hand to {@link #resume(String)} elsewhere;
     * the token of an empty scope resumes nothing.
     */
    public static String token() {
        return PREFIX + HexFormat.of().toHexDigits(POSITION.get()[0]);
    }

    /**
     * Joins a scope carried from elsewhere: from now on this thread's reads also wait (on the primary) for the commits the
     * token names. A later commit of this thread or a later token only moves the scope forward.
     *
     * @throws IllegalArgumentException when the token is not one {@link #token()} returned
     */
    public static void resume(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() != PREFIX.length() + 16) {
            throw new IllegalArgumentException("Not a read-your-writes token: " + token + " (expected what ReadYourWrites.token() returns)");
        }
        long position;
        try {
            position = HexFormat.fromHexDigitsToLong(token.substring(PREFIX.length()));
        }
        catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException("Not a read-your-writes token: " + token + " (expected what ReadYourWrites.token() returns)", ex);
        }
        remember(position);
    }

    /** Ends this thread's scope: its reads no longer wait for its earlier commits. */
    public static void clear() {
        POSITION.remove();
    }

    /** The position this thread's reads wait for; 0 for none. */
    static long position() {
        return POSITION.get()[0];
    }

    static void remember(long position) {
        long[] held = POSITION.get();
        if (position > held[0]) {
            held[0] = position;
        }
    }
}
