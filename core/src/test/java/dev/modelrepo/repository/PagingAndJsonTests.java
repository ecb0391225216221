package dev.modelrepo.repository;

import static dev.modelrepo.query.Q.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.modelrepo.fixtures.Company;
import dev.modelrepo.fixtures.Department;
import dev.modelrepo.fixtures.User;
import dev.modelrepo.model.UnknownColumnException;
import dev.modelrepo.query.ModelQuery;
import dev.modelrepo.test.Changelog;
import dev.modelrepo.test.EngineTest;
import dev.modelrepo.test.TestDatabase;
import tools.jackson.databind.json.JsonMapper;

/** Offset and keyset pages, sort keys from user input, and models as JSON, on every engine. */
@Changelog("db/changelog/test-schema.xml")
class PagingAndJsonTests {

    private static String seed(ModelRepository repo) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        int[] ages = { 30, 20, 30, 40, 20, 30, 50 };
        for (int i = 0; i < ages.length; i++) {
            repo.save(repo.build(User.class, Map.of("name", tag, "email", tag + i + "@x.test", "age", ages[i])));
        }
        return tag;
    }

    @EngineTest
    void keysetPagesWalkTheWholeOrderWithoutGapsOrRepeats(TestDatabase db) {
        ModelRepository repo = ModelRepository.create(db.dataSource());
        String tag = seed(repo);
        ModelQuery<User> ordered = ModelQuery.from(User.class, "u").where(eq("u.name", tag)).orderBy(desc("u.age"), asc("u.id")).limit(3);
        List<Object> seen = new ArrayList<>();
        List<User> page = repo.list(ordered, Map.of());
        while (!page.isEmpty()) {
            page.forEach(u -> seen.add(u.get("age")));
            page = repo.list(ordered.seekAfter(page.get(page.size() - 1)), Map.of());
        }
        assertThat(seen).containsExactly(50, 40, 30, 30, 30, 20, 20);
        assertThat(repo.queryCache().stats().misses()).isEqualTo(2);   // the first page, then one shape for every later page
    }

    @EngineTest
    void offsetPagesAndSortKeysFromUserInput(TestDatabase db) {
        ModelRepository repo = ModelRepository.create(db.dataSource());
        String tag = seed(repo);
        String sortFromRequest = "age";
        var base = ModelQuery.from(User.class, "u").where(eq("u.name", tag));
        assertThat(repo.list(base.orderBy(asc(sortFromRequest), asc("u.id")).page(1, 3), Map.of())).extracting(u -> u.<Object>get("age"))
                .containsExactly(30, 30, 40);
        assertThatThrownBy(() -> repo.list(base.orderBy(asc("password")), Map.of())).isInstanceOf(UnknownColumnException.class);
    }

    @EngineTest
    void modelsSerializeAsTheirColumnsWithLoadedRelationsNested(TestDatabase db) {
        ModelRepository repo = ModelRepository.create(db.dataSource());
        Company company = repo.build(Company.class, Map.of("name", "json-co"));
        repo.save(company);
        repo.save(repo.build(Department.class, Map.of("name", "json-d", "company_id", company.id())));
        Company loaded = repo.list(ModelQuery.from(Company.class, "c").where(eq("c.id", company.id())).include("departments"), Map.of()).get(0);
        String json = JsonMapper.builder().build().writeValueAsString(loaded);
        assertThat(json).startsWith("{\"id\":" + company.id() + ",\"name\":\"json-co\"").contains("\"departments\":[{\"id\":")
                .contains("\"name\":\"json-d\"").contains("\"company_id\":" + company.id());
        Department joined = repo.list(ModelQuery.from(Department.class, "d").join(inner("company")).where(eq("d.name", "json-d")), Map.of()).get(0);
        String nested = JsonMapper.builder().build().writeValueAsString(joined);
        assertThat(nested).contains("\"company\":{\"id\":" + company.id()).doesNotContain("company.name");
    }

    @EngineTest
    void destroyingAListIsOneTransaction(TestDatabase db) {
        ModelRepository repo = ModelRepository.create(db.dataSource());
        String tag = seed(repo);
        List<User> all = repo.list(ModelQuery.from(User.class, "u").where(eq("u.name", tag)), Map.of());
        User stale = repo.findById(User.class, all.get(3).id()).orElseThrow();
        stale.set("age", 1);
        repo.save(stale);                             // all.get(3) is now stale: its lock_version is old
        assertThatThrownBy(() -> repo.destroy(all, dev.modelrepo.model.Cascade.NONE))
                .isInstanceOf(org.springframework.dao.OptimisticLockingFailureException.class);
        assertThat(repo.count(ModelQuery.from(User.class, "u").where(eq("u.name", tag)), Map.of())).isEqualTo(7);
        List<User> fresh = repo.list(ModelQuery.from(User.class, "u").where(eq("u.name", tag)), Map.of());
        repo.destroy(fresh, dev.modelrepo.model.Cascade.NONE);
        assertThat(repo.count(ModelQuery.from(User.class, "u").where(eq("u.name", tag)), Map.of())).isZero();
        assertThat(fresh).allMatch(u -> u.isFrozen());
    }
}
