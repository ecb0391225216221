package dev.modelrepo.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.util.Map;
import java.util.UUID;

import dev.modelrepo.fixtures.User;
import dev.modelrepo.repository.ModelRepository;
import dev.modelrepo.test.Changelog;
import dev.modelrepo.test.EngineTest;
import dev.modelrepo.test.TestDatabase;
import dev.modelrepo.types.ValueTypeException;

/** Typed getters read a loaded model's columns as the Java type asked for, losslessly, on every engine. */
@Changelog("db/changelog/test-schema.xml")
class ColumnValuesTests {

    @EngineTest
    void readsEachColumnAsTheTypeAskedFor(TestDatabase db) {
        ModelRepository repo = ModelRepository.builder(db.dataSource()).build();
        String tag = UUID.randomUUID().toString();
        User saved = repo.build(User.class, Map.of("name", "Typed " + tag, "email", tag + "@x.test", "age", 42));
        repo.save(saved);
        User user = repo.findById(User.class, saved.id()).orElseThrow();

        assertThat(user.idAsLong()).isEqualTo(((Number) saved.id()).longValue()).isPositive();
        assertThat(user.getLong("id")).isEqualTo(user.idAsLong());
        assertThat(user.getInteger("age")).isEqualTo(42);
        assertThat(user.getLong("age")).isEqualTo(42L);
        assertThat(user.getDecimal("age")).isEqualByComparingTo("42");
        assertThat(user.getString("name")).isEqualTo("Typed " + tag);
        assertThat(user.getBoolean("is_active")).isTrue();
        assertThat(user.getTimestamp("created_at")).isBefore(LocalDateTime.now().plusDays(1));
        assertThat(user.getInteger("lock_version")).isZero();
    }

    @EngineTest
    void refusesAReadThatWouldLoseOrInventInformationNamingTheColumn(TestDatabase db) {
        ModelRepository repo = ModelRepository.builder(db.dataSource()).build();
        User user = repo.build(User.class, Map.of("name", "Lossy", "email", "not-a-number@x.test"));
        assertThatThrownBy(() -> user.getInteger("email")).isInstanceOf(ValueTypeException.class)
            .hasMessageContaining("User.email");
        assertThatThrownBy(() -> user.getBoolean("name")).isInstanceOf(ValueTypeException.class)
            .hasMessageContaining("User.name");
        assertThat(user.getLong("age")).isNull();
        assertThat(user.idAsLong()).as("not stored yet").isNull();
    }
}
