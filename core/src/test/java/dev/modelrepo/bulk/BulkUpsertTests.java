package dev.modelrepo.bulk;

import static dev.modelrepo.bulk.BulkFixtures.*;
import static dev.modelrepo.query.Q.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.modelrepo.fixtures.User;
import dev.modelrepo.model.ModelValidationException;
import dev.modelrepo.query.ModelQuery;
import dev.modelrepo.repository.ModelRepository;
import dev.modelrepo.test.Changelog;
import dev.modelrepo.test.Engine;
import dev.modelrepo.test.EngineTest;
import dev.modelrepo.test.TestDatabase;

/** upsertBulk and upsert: insert first, update on conflict, keeping created_at. */
@Changelog("db/changelog/test-schema.xml")
class BulkUpsertTests {

    @EngineTest
    void upsertBulkInsertsThenUpdatesOnConflict(TestDatabase db, Engine engine) {
        String tag = tag();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            rows.add(user(tag + "-" + i, tag + i + "@x.test", i));
        }
        int inserted = repo(db).bulk().upsertBulk(User.class, List.of("email", "name", "age"), rows, List.of("email"));
        assertThat(inserted).isEqualTo(10);
        List<Map<String, Object>> changed = new ArrayList<>();
        for (int i = 5; i < 15; i++) {
            changed.add(user(tag + "-new" + i, tag + i + "@x.test", 100 + i));
        }
        ModelRepository later = repo(db.dataSource(), T1);
        int upserted = later.bulk().upsertBulk(User.class, List.of("email", "name", "age"), changed, List.of("email"));
        // 5 updated and 5 inserted: MySQL and MariaDB count an updated row twice
        assertThat(upserted).isEqualTo(engine == Engine.MARIADB || engine == Engine.MYSQL ? 15 : 10);
        List<User> stored = later.list(ModelQuery.from(User.class, "u").where(startsWith("u.email", tag)).orderBy(asc("u.age")), Map.of());
        assertThat(stored).hasSize(15);
        LocalDateTime t0 = LocalDateTime.ofInstant(T0, ZoneOffset.UTC);
        LocalDateTime t1 = LocalDateTime.ofInstant(T1, ZoneOffset.UTC);
        for (User u : stored) {
            int age = u.get("age");
            if (age < 5) {
                assertThat(u.<Object>get("lock_version")).isEqualTo(0);
                assertThat(u.<Object>get("updated_at")).isEqualTo(t0);
            }
            else if (age < 100) {
                throw new AssertionError("not updated: " + u);
            }
            else if (age < 110) {
                assertThat(u.<Object>get("name")).isEqualTo(tag + "-new" + (age - 100));
                assertThat(u.<Object>get("created_at")).isEqualTo(t0);           // kept
                assertThat(u.<Object>get("updated_at")).isEqualTo(t1);
                assertThat(u.<Object>get("lock_version")).isEqualTo(1);
            }
            else {
                assertThat(u.<Object>get("created_at")).isEqualTo(t1);
                assertThat(u.<Object>get("lock_version")).isEqualTo(0);
            }
        }
    }

    @EngineTest
    void upsertOfOneModelWritesTheStoredRowBack(TestDatabase db) {
        ModelRepository repo = repo(db);
        String tag = tag();
        User first = repo.build(User.class, Map.of("email", tag + "@x.test", "name", "first"));
        repo.bulk().upsert(first, List.of("email"));
        assertThat(first.isNew()).isFalse();
        assertThat(first.id()).isNotNull();
        assertThat(first.<Object>get("status")).isEqualTo("active");
        User second = repo.build(User.class, Map.of("email", tag + "@x.test", "name", "second", "age", 5));
        repo.bulk().upsert(second, List.of("email"));
        assertThat(second.id()).isEqualTo(first.id());
        assertThat(second.<Object>get("lock_version")).isEqualTo(1);
        assertThat(repo.findById(User.class, first.id()).orElseThrow().toMap()).isEqualTo(second.toMap());
        second.set("name", "third");
        repo.bulk().upsert(second);       // on the primary key
        assertThat(repo.findById(User.class, first.id()).orElseThrow().<Object>get("name")).isEqualTo("third");
        ValidatedUser invalid = repo.build(ValidatedUser.class, Map.of("email", tag + "v@x.test", "name", ""));
        assertThatThrownBy(() -> repo.bulk().upsert(invalid, List.of("email"))).isInstanceOf(ModelValidationException.class);
    }
}
