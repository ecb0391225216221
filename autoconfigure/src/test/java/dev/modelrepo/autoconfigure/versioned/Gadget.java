package dev.modelrepo.autoconfigure.versioned;

import dev.modelrepo.model.Model;
import dev.modelrepo.model.Table;

/** A test model with optimistic locking on lock_version. */
@Table(name = "gadgets", version = "lock_version")
public class Gadget extends Model {

}
