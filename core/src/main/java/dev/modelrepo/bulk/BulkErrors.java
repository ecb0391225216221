package dev.modelrepo.bulk;

import java.util.function.Supplier;

import dev.modelrepo.bulk.internal.FailedStatement;
import dev.modelrepo.bulk.internal.InvalidModels;
import dev.modelrepo.bulk.internal.MismatchedElement;

/**
 * Raises the bulk engine's failures as the public exceptions of {@link BulkOperations}, with the engine's message,
 * cause, stack trace and suppressed exceptions (a failed rollback, say); every other exception passes unchanged.
 */
final class BulkErrors {

    private BulkErrors() {
    }

    /** Runs a call of the engine, raising its failures as public exceptions. */
    static <T> T translating(Supplier<T> call) {
        try {
            return call.get();
        }
        catch (RuntimeException ex) {
            throw translated(ex);
        }
    }

    static RuntimeException translated(RuntimeException failure) {
        RuntimeException raised;
        if (failure instanceof FailedStatement f) {
            raised = new BulkOperationException(f.getMessage(), f.index(), f.fromIndex(), f.toIndex(), f.getCause());
        }
        else if (failure instanceof MismatchedElement m) {
            raised = new TypeMismatchException(m.getMessage(), m.index(), m.getCause());
        }
        else if (failure instanceof InvalidModels v) {
            raised = new BulkValidationException(v.operation(), v.model(), v.errorsByIndex());
        }
        else {
            return failure;
        }
        raised.setStackTrace(failure.getStackTrace());
        for (Throwable suppressed : failure.getSuppressed()) {
            raised.addSuppressed(suppressed);
        }
        return raised;
    }
}
