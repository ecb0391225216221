package dev.modelrepo.replica;

import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The read-your-writes scope: per thread, carried by tokens, only moving forward. */
class ReadYourWritesTests {

    @AfterEach
    void clear() {
        ReadYourWrites.clear();
    }

    @Test
    void aTokenCarriesTheScopeToAnotherThread() {
        ReadYourWrites.remember(0x16B3748L);
        String token = ReadYourWrites.token();
        assertThat(CompletableFuture.supplyAsync(ReadYourWrites::position).join()).as("another thread's own scope").isZero();
        assertThat(CompletableFuture.supplyAsync(() -> {
            ReadYourWrites.resume(token);
            return ReadYourWrites.position();
        }).join()).isEqualTo(0x16B3748L);
    }

    @Test
    void theScopeOnlyMovesForward() {
        ReadYourWrites.remember(100);
        String older = ReadYourWrites.token();
        ReadYourWrites.remember(200);
        ReadYourWrites.resume(older);
        assertThat(ReadYourWrites.position()).isEqualTo(200);
        ReadYourWrites.clear();
        assertThat(ReadYourWrites.position()).isZero();
        ReadYourWrites.resume(ReadYourWrites.token());
        assertThat(ReadYourWrites.position()).as("an empty scope's token resumes nothing").isZero();
    }

    @Test
    void resumeRefusesWhatIsNotAToken() {
        assertThatIllegalArgumentException().isThrownBy(() -> ReadYourWrites.resume("0/16B3748"))
            .withMessageContaining("Not a read-your-writes token: 0/16B3748");
        assertThatIllegalArgumentException().isThrownBy(() -> ReadYourWrites.resume("ryw1-zzzzzzzzzzzzzzzz"));
    }
}
