package dev.modelrepo.model;

/** Whether destroying a model also deletes its has-many children. */
public enum Cascade {
    NONE, ALL
}
