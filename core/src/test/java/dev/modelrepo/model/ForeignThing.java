package dev.modelrepo.model;

/** A top-level model that {@link ModelInstantiationTests} also defines in a class loader of its own. */
@Table(name = "things")
public class ForeignThing extends Model {
}
