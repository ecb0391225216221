package dev.modelrepo.sample.model;

import java.math.BigDecimal;

import dev.modelrepo.model.Model;
import dev.modelrepo.model.Table;

/** A money account; transfers lock both rows (in id order) before moving money. */
@Table(name = "accounts")
public class Account extends Model {

    public BigDecimal balance() {
        return get("balance", BigDecimal.class);
    }

    @Override
    protected void validate() {
        Validation.requireText(this, "owner", 100);
        BigDecimal balance = get("balance", BigDecimal.class);
        if (balance == null) {
            addError("balance", "Balance is required");
        }
        else if (balance.signum() < 0) {
            addError("balance", "Balance must not be negative");
        }
    }
}
