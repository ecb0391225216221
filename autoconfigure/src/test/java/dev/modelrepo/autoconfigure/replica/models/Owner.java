package dev.modelrepo.autoconfigure.replica.models;

import dev.modelrepo.model.HasMany;
import dev.modelrepo.model.Model;
import dev.modelrepo.model.Table;

@Table(name = "replica_owners")
@HasMany(model = Item.class, as = "items", foreignKey = "owner_id")
public class Owner extends Model {
}
