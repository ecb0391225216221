package dev.modelrepo.bulk.internal;

/** Called around each chunk's statement (inside the transaction). */
interface ChunkHook {

    default void before(Chunk chunk) {
    }

    void after(Chunk chunk, int affected);

    /** A hook that only looks at the affected count. */
    @FunctionalInterface
    interface After extends ChunkHook {
    }
}
