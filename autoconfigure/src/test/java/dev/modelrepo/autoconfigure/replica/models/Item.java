package dev.modelrepo.autoconfigure.replica.models;

import dev.modelrepo.model.Model;
import dev.modelrepo.model.Table;

@Table(name = "replica_items")
public class Item extends Model {
}
