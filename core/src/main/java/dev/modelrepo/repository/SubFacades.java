package dev.modelrepo.repository;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import dev.modelrepo.bulk.BulkOperations;
import dev.modelrepo.bulk.BulkOptions;
import dev.modelrepo.lock.LockOperations;
import dev.modelrepo.repository.internal.FacadeFactory;
import dev.modelrepo.repository.internal.LockRetry;
import dev.modelrepo.repository.internal.RepositoryContext;

/** The lock and bulk facades of a {@link ModelRepository}, made from its context, the default ones on first use. */
final class SubFacades {

    private static final FacadeFactory<LockOperations, LockRetry> LOCKS = FacadeFactory.of(LockOperations.class);

    private static final FacadeFactory<BulkOperations, BulkOptions> BULK = FacadeFactory.of(BulkOperations.class);

    private final RepositoryContext context;

    private final BulkOptions bulkDefaults;

    private volatile @Nullable LockOperations locks;

    private volatile @Nullable BulkOperations bulk;

    SubFacades(RepositoryContext context, BulkOptions bulkDefaults) {
        this.context = context;
        this.bulkDefaults = bulkDefaults;
    }

    /** The lock helpers with the default retry settings. */
    LockOperations locks() {
        LockOperations l = locks;
        if (l == null) {
            l = locks(LockOperations.INITIAL_BACKOFF, LockOperations.DEFAULT_ATTEMPTS);
            locks = l;
        }
        return l;
    }

    /** New lock helpers with these retry settings. */
    LockOperations locks(@Nullable Duration initialBackoff, int attempts) {
        return LOCKS.create(context, new LockRetry(initialBackoff, attempts));
    }

    /** The bulk operations with the repository's default options. */
    BulkOperations bulk() {
        BulkOperations operations = bulk;
        if (operations == null) {
            synchronized (this) {
                operations = bulk;
                if (operations == null) {
                    operations = BULK.create(context, bulkDefaults);
                    bulk = operations;
                }
            }
        }
        return operations;
    }
}
