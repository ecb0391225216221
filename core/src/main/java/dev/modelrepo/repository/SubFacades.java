package dev.modelrepo.repository;

import java.time.Clock;

import org.jspecify.annotations.Nullable;

import org.springframework.transaction.PlatformTransactionManager;

import dev.modelrepo.bulk.BulkOperations;
import dev.modelrepo.bulk.internal.BulkEngine;
import dev.modelrepo.dialect.Dialect;
import dev.modelrepo.internal.jdbc.StatementExecutor;
import dev.modelrepo.internal.write.ModelPersistence;
import dev.modelrepo.internal.write.ModelWriter;
import dev.modelrepo.lock.LockOperations;
import dev.modelrepo.model.ModelRegistry;

/** The lock and bulk facades of a {@link ModelRepository}, each made on first use. */
final class SubFacades {

    private volatile @Nullable LockOperations locks;

    private volatile @Nullable BulkOperations bulk;

    /** The lock helpers over the repository. */
    LockOperations locks(ModelRepository repository) {
        LockOperations l = locks;
        if (l == null) {
            l = new LockOperations(repository);
            locks = l;
        }
        return l;
    }

    /** The bulk operations over the repository's parts. */
    BulkOperations bulk(ModelRegistry registry, Dialect dialect, StatementExecutor executor, ModelPersistence persistence, Clock clock,
            PlatformTransactionManager transactionManager, dev.modelrepo.bulk.BulkOptions defaults) {
        BulkOperations operations = bulk;
        if (operations == null) {
            synchronized (this) {
                operations = bulk;
                if (operations == null) {
                    operations = new BulkOperations(new BulkEngine(registry, dialect, executor, persistence,
                            new ModelWriter(dialect, executor, clock), clock, transactionManager), defaults);
                    bulk = operations;
                }
            }
        }
        return operations;
    }
}
