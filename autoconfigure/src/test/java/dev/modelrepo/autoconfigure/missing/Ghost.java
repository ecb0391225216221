package dev.modelrepo.autoconfigure.missing;

import dev.modelrepo.model.Model;
import dev.modelrepo.model.Table;

/** A test model whose table no migration creates. */
@Table(name = "ghosts")
public class Ghost extends Model {

}
