package dev.modelrepo.tx;

import static dev.modelrepo.query.Q.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.NestedTransactionNotSupportedException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.EnableTransactionManagement;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import dev.modelrepo.fixtures.User;
import dev.modelrepo.query.ModelQuery;
import dev.modelrepo.repository.ModelRepository;
import dev.modelrepo.test.Changelog;
import dev.modelrepo.test.EngineTest;
import dev.modelrepo.test.TestDatabase;

/** Savepoint nesting and model state that follows rollbacks, with the helper and with @Transactional, on every engine. */
@Changelog("db/changelog/test-schema.xml")
class TransactionTests {

    private static User user(ModelRepository repo, String tag, String name) {
        return repo.build(User.class, Map.of("name", tag + name, "email", UUID.randomUUID() + "@x.test"));
    }

    private static long stored(ModelRepository repo, String name) {
        return repo.count(ModelQuery.from(User.class, "u").where(eq("u.name", name)), Map.of());
    }

    @EngineTest
    void theGuidesExampleWithTheHelper(TestDatabase db) {
        ModelRepository repo = ModelRepository.create(db.dataSource());
        String tag = UUID.randomUUID().toString().substring(0, 8);
        User u1 = user(repo, tag, "user1");
        User u2 = user(repo, tag, "user2");
        User u3 = user(repo, tag, "user3");
        repo.useTransaction(() -> {
            repo.save(u1);
            try {
                repo.useTransaction(() -> {
                    repo.save(u2);
                    throw new IllegalStateException("inner");
                });
            }
            catch (IllegalStateException expected) {
                // only the inner scope rolled back
            }
            repo.save(u3);
        });
        assertThat(stored(repo, tag + "user1")).isEqualTo(1);
        assertThat(stored(repo, tag + "user2")).isZero();
        assertThat(stored(repo, tag + "user3")).isEqualTo(1);
        assertThat(u2.isNew()).isTrue();
        assertThat(u2.id()).isNull();
        assertThat(u2.dirtyColumns()).containsExactly("name", "email");
        repo.save(u2);                                   // a later save inserts it, as it should
        assertThat(stored(repo, tag + "user2")).isEqualTo(1);
    }

    @EngineTest
    void aRolledBackTransactionRestoresUpdatedAndDestroyedModels(TestDatabase db) {
        ModelRepository repo = ModelRepository.create(db.dataSource());
        String tag = UUID.randomUUID().toString().substring(0, 8);
        User kept = user(repo, tag, "kept");
        repo.save(kept);
        User doomed = user(repo, tag, "doomed");
        repo.save(doomed);
        kept.set("age", 41);
        assertThatThrownBy(() -> repo.useTransaction(() -> {
            repo.save(kept);
            repo.destroy(doomed);
            throw new IllegalStateException("outer");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(kept.<Object>get("lock_version")).isEqualTo(0);
        assertThat(kept.dirtyColumns()).containsExactly("age");
        assertThat(doomed.isFrozen()).isFalse();
        repo.save(kept);                                 // version 0 is right again: no optimistic failure
        assertThat(repo.findById(User.class, kept.id()).orElseThrow().<Object>get("age")).isEqualTo(41);
        assertThat(repo.findById(User.class, doomed.id())).isPresent();
    }

    /** The inner step of the guide's example, in a savepoint. */
    public static class InnerService {
        private final ModelRepository repo;

        public InnerService(ModelRepository repo) {
            this.repo = repo;
        }

        @Transactional(propagation = Propagation.NESTED)
        public void inner(User u2) {
            repo.save(u2);
            throw new IllegalStateException("inner");
        }
    }

    /** The outer transaction of the guide's example. */
    public static class UserService {
        private final ModelRepository repo;

        private final InnerService inner;

        public UserService(ModelRepository repo, InnerService inner) {
            this.repo = repo;
            this.inner = inner;
        }

        @Transactional
        public void outer(User u1, User u2, User u3) {
            repo.save(u1);
            try {
                inner.inner(u2);
            }
            catch (IllegalStateException expected) {
                // the savepoint rolled back
            }
            repo.save(u3);
        }
    }

    @Configuration
    @EnableTransactionManagement
    static class Config {
        static DataSource dataSource;

        @Bean
        PlatformTransactionManager transactionManager() {
            return new JdbcTransactionManager(dataSource);
        }

        @Bean
        ModelRepository modelRepository(PlatformTransactionManager tm) {
            return ModelRepository.builder(dataSource).transactionManager(tm).build();
        }

        @Bean
        InnerService innerService(ModelRepository repo) {
            return new InnerService(repo);
        }

        @Bean
        UserService userService(ModelRepository repo, InnerService inner) {
            return new UserService(repo, inner);
        }
    }

    @EngineTest
    void theGuidesExampleWithTransactionalServices(TestDatabase db) {
        Config.dataSource = db.dataSource();
        try (var context = new AnnotationConfigApplicationContext(Config.class)) {
            UserService service = context.getBean(UserService.class);
            ModelRepository repo = context.getBean(ModelRepository.class);
            String tag = UUID.randomUUID().toString().substring(0, 8);
            User u1 = user(repo, tag, "user1");
            User u2 = user(repo, tag, "user2");
            User u3 = user(repo, tag, "user3");
            service.outer(u1, u2, u3);
            assertThat(stored(repo, tag + "user1")).isEqualTo(1);
            assertThat(stored(repo, tag + "user2")).isZero();
            assertThat(stored(repo, tag + "user3")).isEqualTo(1);
            assertThat(u2.isNew()).isTrue();
            assertThat(u1.isNew()).isFalse();
        }
    }

    @EngineTest
    void plainRepositoryCallsJoinTheSurroundingTransaction(TestDatabase db) {
        ModelRepository repo = ModelRepository.create(db.dataSource());
        String tag = UUID.randomUUID().toString().substring(0, 8);
        var tx = new TransactionTemplate(repo.transactionManager());
        User u = user(repo, tag, "joined");
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
            repo.save(u);
            throw new IllegalStateException("rollback");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(stored(repo, tag + "joined")).isZero();
        assertThat(u.isNew()).isTrue();
    }

    @EngineTest
    void aTransactionManagerWithoutSavepointsIsAClearError(TestDatabase db) {
        JdbcTransactionManager noSavepoints = new JdbcTransactionManager(db.dataSource());
        noSavepoints.setNestedTransactionAllowed(false);
        ModelRepository repo = ModelRepository.builder(db.dataSource()).transactionManager(noSavepoints).build();
        assertThatThrownBy(() -> repo.useTransaction(() -> { })).isInstanceOf(NestedTransactionNotSupportedException.class)
                .hasMessageContaining("savepoints");
    }
}
