package dev.modelrepo.autoconfigure.tx;

import dev.modelrepo.model.Model;
import dev.modelrepo.model.Table;

/** A doctor of a shift, on call or not. */
@Table(name = "doctors")
public class Doctor extends Model {
}
