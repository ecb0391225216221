package dev.modelrepo.schema;

/**
 * What a database's catalog says a declared column type is: a base type, or one the schema defined (an enum, a
 * domain over another type, a composite, a range) or built from another (an array). Read once with the metadata.
 */
public enum TypeCategory {
    /** A type of the database or of an extension (int4, varchar, citext, YEAR, GEOMETRY). */
    BASE,
    /** A base type the catalog files as text (PostgreSQL's category S: text, varchar, citext). */
    TEXT,
    /** An enumerated type: PostgreSQL {@code CREATE TYPE … AS ENUM}, MySQL/MariaDB/H2 {@code ENUM(…)}. */
    ENUM,
    /** A MySQL/MariaDB {@code SET(…)}. */
    SET,
    /** A domain: another type with constraints ({@link DeclaredType#base()} is that type). */
    DOMAIN,
    /** A composite (row) type. */
    COMPOSITE,
    /** A range or multirange type. */
    RANGE,
    /** An array ({@link DeclaredType#base()} is its element type). */
    ARRAY
}
