package dev.modelrepo.query;

/** One ORDER BY item, built with {@link Q#asc} or {@link Q#desc}; never implemented by an application (sealed). */
public sealed interface Order permits OrderNode {
}
