package dev.modelrepo.bulk;

/**
 * What a bulk operation does with an element that does not fit: an element that is neither a model of the
 * operation's type nor a {@code Map}, or a value that cannot be stored in its column.
 */
public enum TypeMismatch {

    /** Raise {@link TypeMismatchException} naming the element's index (the default). */
    ERROR,

    /** Leave the element out; the returned count does not include it. */
    SKIP
}
