package dev.modelrepo.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The errors a validation failure carries keep the order validate() recorded them in, so messages are stable. */
class ModelValidationExceptionTests {

    @Test
    void errorsKeepTheOrderTheyWereRecordedIn() {
        Map<String, List<String>> recorded = new LinkedHashMap<>();
        for (String column : List.of("name", "email", "salary", "department_id", "a", "b", "c", "d")) {
            recorded.put(column, new ArrayList<>(List.of(column + " is required")));
        }
        ModelValidationException ex = new ModelValidationException("Employee", recorded);
        assertThat(ex.errors().keySet()).containsExactly("name", "email", "salary", "department_id", "a", "b", "c", "d");
        recorded.get("name").add("changed later");
        assertThat(ex.errors().get("name")).containsExactly("name is required");
        assertThatThrownBy(() -> ex.errors().put("x", List.of())).isInstanceOf(UnsupportedOperationException.class);
    }
}
