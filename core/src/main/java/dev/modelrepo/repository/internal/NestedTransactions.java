package dev.modelrepo.repository.internal;

import org.jspecify.annotations.Nullable;

import org.springframework.transaction.NestedTransactionNotSupportedException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.modelrepo.internal.CauseFirstTransactionTemplate;

/** The PROPAGATION_NESTED template behind the repository's {@code inTransaction}, made once on first use. */
final class NestedTransactions {

    private final PlatformTransactionManager transactionManager;

    private volatile @Nullable TransactionTemplate template;

    NestedTransactions(PlatformTransactionManager transactionManager) {
        this.transactionManager = transactionManager;
    }

    /** The template; fails when the transaction manager does not allow savepoints. */
    TransactionTemplate template() {
        TransactionTemplate t = template;
        if (t == null) {
            if (transactionManager instanceof AbstractPlatformTransactionManager manager && !manager.isNestedTransactionAllowed()) {
                throw new NestedTransactionNotSupportedException(manager.getClass().getSimpleName()
                        + " does not allow nested transactions (savepoints), which inTransaction/useTransaction need;"
                        + " use a DataSourceTransactionManager/JdbcTransactionManager, or setNestedTransactionAllowed(true)");
            }
            t = new CauseFirstTransactionTemplate(transactionManager);
            t.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
            template = t;
        }
        return t;
    }
}
