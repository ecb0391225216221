package dev.modelrepo.lock;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.modelrepo.dialect.RowLockStrength;
import dev.modelrepo.dialect.TransactionBeginMode;

/** A lock is a row-lock strength or SQLite's begin mode, never both; the old single {@code mode()} still answers. */
class LockOptionsTests {

    @Test
    void rowLocksHaveAStrengthAndNoBeginMode() {
        assertThat(LockOptions.forUpdate().skipLocked().strength()).isEqualTo(RowLockStrength.UPDATE);
        assertThat(LockOptions.forShare().strength()).isEqualTo(RowLockStrength.SHARE);
        assertThat(LockOptions.forNoKeyUpdate().of("u").strength()).isEqualTo(RowLockStrength.NO_KEY_UPDATE);
        assertThat(LockOptions.forKeyShare().nowait().beginMode()).isNull();
        assertThat(LockOptions.forUpdate().request().strength()).isEqualTo(RowLockStrength.UPDATE);
    }

    @Test
    void sqliteLocksHaveABeginModeAndNoStrength() {
        assertThat(LockOptions.immediate().beginMode()).isEqualTo(TransactionBeginMode.IMMEDIATE);
        assertThat(LockOptions.exclusive().beginMode()).isEqualTo(TransactionBeginMode.EXCLUSIVE);
        assertThat(LockOptions.deferred().strength()).isNull();
        assertThat(LockOptions.deferred().request().beginMode()).isEqualTo(TransactionBeginMode.DEFERRED);
    }

    @Test
    @SuppressWarnings("removal")
    void theDeprecatedModeNamesEither() {
        assertThat(LockOptions.forNoKeyUpdate().mode()).isEqualTo(LockMode.NO_KEY_UPDATE);
        assertThat(LockOptions.exclusive().wait(java.time.Duration.ofSeconds(1)).mode()).isEqualTo(LockMode.EXCLUSIVE);
    }

    @Test
    void equalityAndTextFollowTheLock() {
        assertThat(LockOptions.forUpdate().skipLocked()).isEqualTo(LockOptions.forUpdate().skipLocked())
                .isNotEqualTo(LockOptions.forShare().skipLocked());
        assertThat(LockOptions.immediate()).isNotEqualTo(LockOptions.deferred());
        assertThat(LockOptions.forUpdate().nowait()).hasToString("LockOptions[UPDATE, NOWAIT]");
        assertThat(LockOptions.immediate()).hasToString("LockOptions[IMMEDIATE, DEFAULT]");
    }
}
