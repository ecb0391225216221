package dev.modelrepo.sample.service;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import dev.modelrepo.lock.LockOperations;
import dev.modelrepo.lock.LockOptions;
import dev.modelrepo.query.ModelQuery;
import dev.modelrepo.repository.ModelRepository;
import dev.modelrepo.sample.model.Account;

import static dev.modelrepo.query.Q.asc;
import static dev.modelrepo.query.Q.in;
import static dev.modelrepo.query.Q.param;

/**
 * Moves money between two accounts: both rows are locked FOR UPDATE in id order (so two opposite transfers
 * never deadlock each other), and the whole transfer is retried in a fresh transaction on a lock conflict or
 * deadlock. Not {@code @Transactional}: {@code retryOnConflict} opens the transaction of each attempt itself.
 */
@Service
public class TransferService {

    private final ModelRepository repository;

    private final LockOperations locks;

    private final ModelQuery<Account> pair;

    public TransferService(ModelRepository repository, LockOperations locks) {
        this.repository = repository;
        this.locks = locks;
        this.pair = repository.query(Account.class, "a").where(in("a.id", param("ids"))).orderBy(asc("a.id"));
    }

    /** The two accounts after the transfer, {@code from} first. */
    public List<Account> transfer(@Nullable Long from, @Nullable Long to, @Nullable BigDecimal amount) {
        check(from, to, amount);
        return this.locks.retryOnConflict(() -> this.locks.withLocked(this.pair, Map.of("ids", List.of(from, to)),
                LockOptions.forUpdate(), (rows) -> move(rows, from, to, amount)));
    }

    private List<Account> move(List<Account> rows, long from, long to, BigDecimal amount) {
        Account source = find(rows, from, "from");
        Account target = find(rows, to, "to");
        if (source.balance().compareTo(amount) < 0) {
            throw InvalidInputException.of("amount", "Account " + from + " has " + source.balance().toPlainString()
                    + ", less than " + amount.toPlainString());
        }
        source.set("balance", source.balance().subtract(amount));
        target.set("balance", target.balance().add(amount));
        this.repository.saveOrThrow(source);
        this.repository.saveOrThrow(target);
        return List.of(source, target);
    }

    private static void check(@Nullable Long from, @Nullable Long to, @Nullable BigDecimal amount) {
        if (from == null) {
            throw InvalidInputException.of("from", "The account to take the money from is required");
        }
        if (to == null) {
            throw InvalidInputException.of("to", "The account to put the money in is required");
        }
        if (from.equals(to)) {
            throw InvalidInputException.of("to", "The accounts must differ");
        }
        if (amount == null) {
            throw InvalidInputException.of("amount", "The amount is required");
        }
        if (amount.signum() <= 0) {
            throw InvalidInputException.of("amount", "The amount must be positive");
        }
        if (amount.scale() > 2) {
            throw InvalidInputException.of("amount", "The amount has at most 2 decimals");
        }
    }

    private static Account find(List<Account> rows, long id, String field) {
        return rows.stream()
            .filter((account) -> ((Number) account.id()).longValue() == id)
            .findFirst()
            .orElseThrow(() -> new NotFoundException("No account with id " + id + " (" + field + ")"));
    }
}
