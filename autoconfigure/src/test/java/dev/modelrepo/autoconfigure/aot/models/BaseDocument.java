package dev.modelrepo.autoconfigure.aot.models;

import dev.modelrepo.model.Model;

/** An abstract superclass between a model and {@link Model}. */
public abstract class BaseDocument extends Model {

}
