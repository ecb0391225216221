package dev.modelrepo.model;

import static dev.modelrepo.query.Q.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.modelrepo.query.ModelQuery;
import dev.modelrepo.repository.ModelRepository;
import dev.modelrepo.test.Changelog;
import dev.modelrepo.test.EngineTest;
import dev.modelrepo.test.TestDatabase;

/** Per-column converters on read, write, set, and parameters compared with the column, on every engine. */
@Changelog("db/changelog/test-schema.xml")
class ConverterTests {

    enum Status { ACTIVE, SUSPENDED }

    /** Stores the enum's name. */
    static final class StatusConverter implements ColumnConverter<Status, String> {
        @Override
        public Status inflate(String stored) {
            return Status.valueOf(stored.toUpperCase(java.util.Locale.ROOT));
        }

        @Override
        public String deflate(Status value) {
            return value.name().toLowerCase(java.util.Locale.ROOT);
        }

        @Override
        public boolean isDomainValue(@Nullable Object value) {
            return value instanceof Status;
        }
    }

    /** An amount in cents. */
    record Money(long cents) {
    }

    /** Stores money as a decimal amount. */
    static final class MoneyConverter implements ColumnConverter<Money, BigDecimal> {
        @Override
        public Money inflate(BigDecimal stored) {
            return new Money(stored.movePointRight(2).longValueExact());
        }

        @Override
        public BigDecimal deflate(Money value) {
            return BigDecimal.valueOf(value.cents(), 2);
        }

        @Override
        public boolean isDomainValue(@Nullable Object value) {
            return value instanceof Money;
        }
    }

    /** A user whose status is an enum. */
    @Table(name = "users")
    @Convert(column = "status", converter = StatusConverter.class)
    public static class Account extends Model {
    }

    /** A department whose budget is money. */
    @Table(name = "departments")
    @Convert(column = "budget", converter = MoneyConverter.class)
    public static class Budgeted extends Model {
    }

    @EngineTest
    void enumsAreInflatedDeflatedAndComparable(TestDatabase db) {
        ModelRepository repo = ModelRepository.create(db.dataSource());
        Account account = repo.build(Account.class, Map.of("name", "conv", "email", UUID.randomUUID() + "@x.test", "status", Status.SUSPENDED));
        repo.save(account);
        assertThat(account.<Object>get("status")).isEqualTo(Status.SUSPENDED);
        Account read = repo.findById(Account.class, account.id()).orElseThrow();
        assertThat(read.<Object>get("status")).isEqualTo(Status.SUSPENDED);
        var bySuspended = ModelQuery.from(Account.class, "a").where(and(eq("a.id", account.id()), eq("a.status", param("s"))));
        assertThat(repo.list(bySuspended, Map.of("s", Status.SUSPENDED))).hasSize(1);
        assertThat(repo.list(ModelQuery.from(Account.class, "a").where(and(eq("a.id", account.id()),
                in("a.status", List.of(Status.ACTIVE, Status.SUSPENDED)))), Map.of())).hasSize(1);
        assertThat(repo.sql("SELECT status FROM users WHERE id = :id").first(Map.of("id", account.id())).orElseThrow())
                .containsEntry("status", "suspended");
        read.set("status", Status.ACTIVE);
        repo.save(read);
        assertThat(repo.findById(Account.class, account.id()).orElseThrow().<Object>get("status")).isEqualTo(Status.ACTIVE);
    }

    @EngineTest
    void aValueTypeRoundTripsThroughADecimalColumn(TestDatabase db) {
        ModelRepository repo = ModelRepository.create(db.dataSource());
        var company = repo.build(dev.modelrepo.fixtures.Company.class, Map.of("name", "conv-co"));
        repo.save(company);
        Budgeted dept = repo.build(Budgeted.class, Map.of("name", "money", "company_id", company.id(), "budget", new Money(123456)));
        repo.save(dept);
        assertThat(repo.findById(Budgeted.class, dept.id()).orElseThrow().<Object>get("budget")).isEqualTo(new Money(123456));
        assertThat(repo.count(ModelQuery.from(Budgeted.class, "b").where(ge("b.budget", new Money(100000))), Map.of())).isGreaterThanOrEqualTo(1);
    }
}
