package dev.modelrepo.repository.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Consumer;

/** The rows of a cursor taken a batch at a time: for {@code forEachBatch}, and for streams that load includes per chunk. */
final class Batches {

    private Batches() {
    }

    /** Up to {@code size} next elements; empty at the end. */
    static <T> List<T> next(Iterator<T> it, int size) {
        if (!it.hasNext()) {
            return List.of();
        }
        List<T> batch = new ArrayList<>(Math.min(size, 1024));
        while (batch.size() < size && it.hasNext()) {
            batch.add(it.next());
        }
        return batch;
    }

    /** Hands every batch of {@code size} elements (the last one smaller) to the consumer. */
    static <T> void each(Iterator<T> it, int size, Consumer<List<T>> consumer) {
        for (List<T> batch = next(it, size); !batch.isEmpty(); batch = next(it, size)) {
            consumer.accept(batch);
        }
    }

    /**
     * The elements again, read a chunk ahead: each chunk of {@code size} is handed to {@code prepare} (which loads the
     * chunk's includes) before its first element is returned, so only one chunk is held at a time.
     */
    static <T> Iterator<T> prepared(Iterator<T> it, int size, Consumer<List<T>> prepare) {
        return new Iterator<>() {

            private Iterator<T> chunk = Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                if (chunk.hasNext()) {
                    return true;
                }
                List<T> next = Batches.next(it, size);
                if (next.isEmpty()) {
                    return false;
                }
                prepare.accept(next);
                chunk = next.iterator();
                return true;
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return chunk.next();
            }
        };
    }
}
