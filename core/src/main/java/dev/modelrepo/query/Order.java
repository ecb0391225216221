package dev.modelrepo.query;

/** One ORDER BY item, built with {@link Q#asc} or {@link Q#desc}. */
public interface Order {
}
