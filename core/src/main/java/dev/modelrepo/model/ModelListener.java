package dev.modelrepo.model;

/**
 * Cross-cutting callbacks around every model write (auditing, for instance); register as beans. Each method
 * does nothing by default.
 */
public interface ModelListener {

    default void beforeInsert(Model model) {
    }

    default void afterInsert(Model model) {
    }

    default void beforeUpdate(Model model) {
    }

    default void afterUpdate(Model model) {
    }

    default void beforeDelete(Model model) {
    }

    default void afterDelete(Model model) {
    }
}
