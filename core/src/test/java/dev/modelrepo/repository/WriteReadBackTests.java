package dev.modelrepo.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.modelrepo.fixtures.Company;
import dev.modelrepo.fixtures.User;
import dev.modelrepo.model.Model;
import dev.modelrepo.test.Changelog;
import dev.modelrepo.test.Engine;
import dev.modelrepo.test.EngineTest;
import dev.modelrepo.test.TestDatabase;

/**
 * What a single-row save reads back, told by the statements it sends: nothing but the generated key when no other
 * column can differ from what the model holds (taken from the driver's generated keys where that needs no query: H2,
 * MariaDB), and every column the database fills or may change otherwise (defaults not supplied, timestamps with more
 * fractional digits than the column keeps); the model always equals a fresh read of its row. The SQL of each shape of
 * write is planned once and reused.
 */
@Changelog("db/changelog/test-schema.xml")
class WriteReadBackTests {

    /** A whole second: stored as bound in every TIMESTAMP(6) column. */
    private static final Instant WHOLE = Instant.parse("2026-12-01T10:15:30Z");

    /** Nanoseconds: more digits than a TIMESTAMP(6) column keeps. */
    private static final Instant NANOS = Instant.parse("2026-12-01T10:15:30.123456789Z");

    private final List<String> heard = new CopyOnWriteArrayList<>();

    private ModelRepository repo(TestDatabase db, Instant now) {
        return ModelRepository.builder(db.dataSource()).clock(Clock.fixed(now, ZoneOffset.UTC))
                .statementListener((operation, model, sql) -> heard.add(operation + " " + sql)).build();
    }

    private static Map<String, Object> fresh(ModelRepository repo, Model model) {
        return repo.findById(model.getClass(), model.id()).orElseThrow().toMap();
    }

    /**
     * The columns a statement reads back, lower case: H2's {@code SELECT … FROM FINAL TABLE}, what follows RETURNING,
     * or what a follow-up SELECT by key reads; empty for a statement that reads nothing back.
     */
    private static String readBack(String sql) {
        String s = sql.toLowerCase(java.util.Locale.ROOT);
        int finalTable = s.indexOf(" from final table (");
        if (finalTable > 0) {
            return s.substring(s.indexOf("select ") + 7, finalTable);
        }
        int returning = s.lastIndexOf(" returning ");
        if (returning > 0) {
            return s.substring(returning + 11);
        }
        return s.startsWith("select select ") ? s.substring(14, s.indexOf(" from ")) : "";
    }

    /** What the statements heard read back, together. */
    private String readBack() {
        return String.join(", ", heard.stream().map(WriteReadBackTests::readBack).toList());
    }

    private static boolean takesKeysFromTheDriver(TestDatabase db) {
        return db.engine() == Engine.H2 || db.engine() == Engine.MARIADB;
    }

    @EngineTest
    void anInsertWhereOnlyTheKeyCanDifferReadsBackNothingElse(TestDatabase db) {
        ModelRepository repo = repo(db, WHOLE);
        Company company = repo.build(Company.class, Map.of("name", "Acme", "industry", "anvils", "founded", LocalDate.of(1949, 9, 17)));
        repo.saveOrThrow(company);

        assertThat(heard).hasSize(1);
        String insert = heard.get(0);
        assertThat(insert).startsWith("insert ");
        if (takesKeysFromTheDriver(db)) {
            assertThat(insert).startsWith("insert INSERT INTO ").doesNotContain("FINAL TABLE").doesNotContain("RETURNING");
        }
        else {
            // RETURNING of the key alone: neither the timestamps nor the other written columns
            assertThat(insert).containsIgnoringCase("RETURNING").matches("(?is).* RETURNING [\"`]?id[\"`]?$");
        }
        assertThat(company.id()).isNotNull();
        assertThat(company.<LocalDateTime>get("created_at")).isEqualTo(LocalDateTime.ofInstant(WHOLE, ZoneOffset.UTC));
        assertThat(company.isDirty()).isFalse();
        assertThat(company.toMap()).isEqualTo(fresh(repo, company));

        // a second insert of the same shape sends the same text, and gets its own key
        Company second = repo.build(Company.class, Map.of("name", "Initech", "industry", "software", "founded", LocalDate.of(1990, 1, 1)));
        int before = heard.size();
        repo.saveOrThrow(second);
        assertThat(heard.subList(before, heard.size())).containsExactly(insert);
        assertThat(second.<Object>get("id")).isNotEqualTo(company.get("id"));
        assertThat(second.toMap()).isEqualTo(fresh(repo, second));
    }

    @EngineTest
    void columnsTheDatabaseFillsAreReadBack(TestDatabase db) {
        ModelRepository repo = repo(db, WHOLE);
        // status, is_active and lock_version take their defaults; the key too
        User user = repo.build(User.class, Map.of("name", "Defaulted", "email", "defaulted@x.test"));
        repo.saveOrThrow(user);
        assertThat(user.<String>get("status")).isEqualTo("active");
        assertThat(user.<Object>get("is_active")).isIn(true, 1, 1L);
        assertThat(user.toMap()).isEqualTo(fresh(repo, user));
        assertThat(readBack(heard.get(0))).contains("id", "status", "is_active", "lock_version");
    }

    @EngineTest
    void timestampsWithMoreDigitsThanTheColumnKeepsAreReadBack(TestDatabase db) {
        ModelRepository repo = repo(db, NANOS);
        Company company = repo.build(Company.class, Map.of("name", "Rounded", "industry", "clocks", "founded", LocalDate.of(2000, 1, 1)));
        repo.saveOrThrow(company);
        assertThat(readBack()).contains("created_at", "updated_at");   // read before the fresh read below adds its SELECT
        assertThat(company.toMap()).isEqualTo(fresh(repo, company));
        if (db.engine() != Engine.SQLITE) {   // SQLite's text keeps all nine digits
            LocalDateTime stored = company.get("created_at");
            assertThat(stored.getNano()).as("what the database kept, not the nanoseconds bound").isNotEqualTo(NANOS.getNano());
        }

        heard.clear();
        ModelRepository later = repo(db, NANOS.plusSeconds(86_400));   // a day later, so that updated_at changes
        company.set("industry", "watches");
        later.saveOrThrow(company);
        assertThat(readBack()).contains("updated_at");
        assertThat(company.toMap()).isEqualTo(fresh(later, company));
    }

    @EngineTest
    void anUpdateOfColumnsStoredAsBoundReadsNothingBackAndEachShapeHasItsOwnText(TestDatabase db) {
        ModelRepository repo = repo(db, WHOLE);
        Company company = repo.build(Company.class, Map.of("name", "Shapes", "industry", "a", "founded", LocalDate.of(2001, 2, 3)));
        repo.saveOrThrow(company);
        heard.clear();

        company.set("industry", "b");
        repo.saveOrThrow(company);                          // industry and the maintained updated_at
        company.set("name", "Shapes 2").set("founded", LocalDate.of(2002, 3, 4));
        repo.saveOrThrow(company);                          // another shape: name, founded, updated_at
        company.set("industry", "c");
        repo.saveOrThrow(company);                          // the first shape again

        assertThat(heard).hasSize(3).allSatisfy(sql -> assertThat(sql).startsWith("update UPDATE ")
                .doesNotContain("RETURNING").doesNotContain("FINAL TABLE"));
        assertThat(heard.get(0)).containsIgnoringCase("industry").doesNotContainIgnoringCase("founded");
        assertThat(heard.get(1)).containsIgnoringCase("founded").doesNotContainIgnoringCase("industry");
        assertThat(heard.get(2)).isEqualTo(heard.get(0));
        assertThat(company.toMap()).isEqualTo(fresh(repo, company));
        assertThat(company.<String>get("industry")).isEqualTo("c");
    }
}
