package dev.modelrepo.sharding;

import dev.modelrepo.model.BelongsTo;
import dev.modelrepo.model.Model;
import dev.modelrepo.model.Table;

/** An order, in the shard of its customer (customer_id % 2). */
@Table(name = "orders", version = "lock_version")
@BelongsTo(model = Currency.class, as = "currency", key = "currency_code")
public class Order extends Model {
}
