package dev.modelrepo.sample.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.modelrepo.sample.model.Account;
import dev.modelrepo.sample.service.ModelService;
import dev.modelrepo.sample.service.TransferService;

/** Accounts and transfers between them. */
@RestController
class AccountController {

    private final ModelService models;

    private final TransferService transfers;

    AccountController(ModelService models, TransferService transfers) {
        this.models = models;
        this.transfers = transfers;
    }

    @GetMapping("/api/accounts/{id}")
    Map<String, @Nullable Object> get(@PathVariable long id) {
        return ModelJson.of(this.models.find(Account.class, id));
    }

    /** {@code POST /api/accounts {"owner": "Carol", "balance": 250.00}}. */
    @PostMapping("/api/accounts")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, @Nullable Object> create(@RequestBody Map<String, Object> body) {
        return ModelJson.of(this.models.create(Account.class, body));
    }

    /**
     * {@code POST /api/transfers {"from": 1, "to": 2, "amount": 25.50}}: both accounts after the move. Too little
     * money, a missing or non-positive amount, the same account twice: 400 naming the field; an unknown account: 404.
     */
    @PostMapping("/api/transfers")
    Map<String, Object> transfer(@RequestBody TransferRequest request) {
        List<Account> accounts = this.transfers.transfer(request.from(), request.to(), request.amount());
        return Map.of("from", ModelJson.of(accounts.get(0)), "to", ModelJson.of(accounts.get(1)));
    }

    /** The body of a transfer. */
    record TransferRequest(@Nullable Long from, @Nullable Long to, @Nullable BigDecimal amount) {
    }
}
