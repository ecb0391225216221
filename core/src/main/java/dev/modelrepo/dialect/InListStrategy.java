package dev.modelrepo.dialect;

/** How a collection bound to {@code in}/{@code notIn} reaches the database. */
public enum InListStrategy {
    /** One array bind: {@code x = ANY(?)}, so every list size shares one SQL string. */
    ARRAY,
    /** {@code x IN (?, ?, …)} with the list padded to the next power of two by repeating its last value. */
    PADDED
}
