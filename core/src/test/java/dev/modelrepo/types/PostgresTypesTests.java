package dev.modelrepo.types;

import static dev.modelrepo.query.Q.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import dev.modelrepo.model.Model;
import dev.modelrepo.model.Table;
import dev.modelrepo.query.ModelQuery;
import dev.modelrepo.repository.ModelRepository;
import dev.modelrepo.test.Engine;
import dev.modelrepo.test.EngineTest;
import dev.modelrepo.test.TestDatabase;

/** PostgreSQL's own types: arrays and jsonb bind and read through models. */
class PostgresTypesTests {

    /** A document with tags. */
    @Table(name = "documents")
    public static class Document extends Model {
    }

    @EngineTest(engines = Engine.POSTGRESQL)
    void arraysAndJsonbRoundTripAndCompare(TestDatabase db) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE documents (id BIGSERIAL PRIMARY KEY, tags TEXT[], scores INTEGER[], body JSONB)");
        }
        ModelRepository repo = ModelRepository.create(db.dataSource());
        Document doc = repo.build(Document.class, Map.of("tags", List.of("a", "b c", "d\"e"), "scores", new Integer[] { 1, 2, 3 },
                "body", "{\"k\": [1, 2], \"n\": null}"));
        repo.save(doc);
        Document read = repo.findById(Document.class, doc.id()).orElseThrow();
        assertThat((Object[]) read.get("tags")).containsExactly("a", "b c", "d\"e");
        assertThat((Object[]) read.get("scores")).containsExactly(1, 2, 3);
        assertThat(read.<Object>get("body")).isEqualTo("{\"k\": [1, 2], \"n\": null}");
        assertThat((Object[]) doc.get("tags")).containsExactly("a", "b c", "d\"e");   // written back as stored
        var byBody = ModelQuery.from(Document.class, "d").where(eq("d.body", param("body")));
        assertThat(repo.list(byBody, Map.of("body", "{\"n\": null, \"k\": [1, 2]}"))).hasSize(1);
        read.set("scores", List.of(9));
        repo.save(read);
        assertThat((Object[]) repo.findById(Document.class, doc.id()).orElseThrow().get("scores")).containsExactly(9);
    }
}
