package dev.modelrepo.autoconfigure.misdeclared;

import dev.modelrepo.model.Model;
import dev.modelrepo.model.Table;

/** A test model over the widgets table that declares a version column and a read-back column the table lacks. */
@Table(name = "widgets", version = "lock_version", readBack = "touched_at")
public class MisdeclaredWidget extends Model {

}
