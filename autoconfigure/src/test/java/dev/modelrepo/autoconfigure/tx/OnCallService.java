package dev.modelrepo.autoconfigure.tx;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import dev.modelrepo.fixtures.oncall.OnCall;
import dev.modelrepo.repository.ModelRepository;
import dev.modelrepo.tx.RetryOnConflict;

/** A service written for a distributed SQL engine: SERIALIZABLE, and no retry loop of its own. */
public class OnCallService {

    private final AtomicInteger attempts = new AtomicInteger();

    private final Set<Object> transactionIds = ConcurrentHashMap.newKeySet();

    private final ModelRepository repo;

    public OnCallService(ModelRepository repo) {
        this.repo = repo;
    }

    /** The attempts of goOffCall so far. */
    public int attempts() {
        return attempts.get();
    }

    /** The distinct transactions those attempts ran in. */
    public int transactions() {
        return transactionIds.size();
    }

    /** Goes off call if another doctor of the shift stays on call; whether it did. */
    @RetryOnConflict(attempts = 50)
    @Transactional(isolation = Isolation.SERIALIZABLE)
    public boolean goOffCall(long shift, long doctorId) {
        attempts.incrementAndGet();
        transactionIds.add(repo.sql("SELECT txid_current() AS id").list(Map.of()).get(0).get("id"));
        return OnCall.goOffCallIfAnotherStays(repo, shift, doctorId);
    }
}
