package dev.modelrepo.sharding;

import dev.modelrepo.model.HasMany;
import dev.modelrepo.model.Model;
import dev.modelrepo.model.Table;

/** A currency, broadcast: the same rows in every shard. */
@Table(name = "currencies")
@HasMany(model = Order.class, as = "orders", foreignKey = "currency_code")
public class Currency extends Model {
}
