package dev.modelrepo.autoconfigure.models;

import dev.modelrepo.model.Model;
import dev.modelrepo.model.Table;

/** A test model whose table the test changelog and schema.sql create. */
@Table(name = "widgets")
public class Widget extends Model {

}
