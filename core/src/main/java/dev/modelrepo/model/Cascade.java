package dev.modelrepo.model;

/**
 * Whether destroying a model also deletes its children: the rows of its {@link HasMany} and {@link HasOne} relations,
 * recursively. A has-many through a join model deletes the join model's rows (its {@code through} relation), never the
 * targets they point to.
 */
public enum Cascade {
    NONE, ALL
}
