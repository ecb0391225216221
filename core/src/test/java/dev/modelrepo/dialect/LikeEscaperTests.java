package dev.modelrepo.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The LIKE escaping every dialect hands to the query compiler and the parameter binder. */
class LikeEscaperTests {

    @Test
    void wildcardsAndTheEscapeCharacterItselfAreEscaped() {
        assertThat(LikeEscaper.BANG.escape("50%_off!")).isEqualTo("50!%!_off!!");
        assertThat(LikeEscaper.of('#').escape("a#b%c")).isEqualTo("a##b#%c");
    }

    @Test
    void plainTextIsReturnedAsItIs() {
        String plain = "nothing to escape";
        assertThat(LikeEscaper.BANG.escape(plain)).isSameAs(plain);
    }

    @Test
    void aWildcardOrAQuoteCannotBeTheEscapeCharacter() {
        assertThatThrownBy(() -> LikeEscaper.of('%')).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LikeEscaper.of('\'')).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyDialectEscapesWithTheSameCharacterItsSqlNames() {
        for (Dialect d : new Dialect[] { PostgresDialect.INSTANCE, MySqlDialect.INSTANCE, MariaDbDialect.INSTANCE, H2Dialect.INSTANCE,
                SqliteDialect.INSTANCE }) {
            assertThat(d.likeEscaper().character()).as(d.name()).isEqualTo('!');
        }
    }
}
