package dev.modelrepo.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The key value type: construction, equality across number types and column order, and its messages. */
class KeyTests {

    @Test
    void aKeyIsMadeFromPairsAMapOrTwoLists() {
        Key pairs = Key.of("actor_id", 1, "film_id", 23);
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("ACTOR_ID", 1L);
        map.put("film_id", 23L);
        assertThat(Key.of(map)).isEqualTo(pairs).hasSameHashCodeAs(pairs);
        assertThat(Key.of(List.of("actor_id", "film_id"), List.of(1, 23))).isEqualTo(pairs);
        assertThat(pairs.columns()).containsExactly("actor_id", "film_id");
        assertThat(pairs.values()).containsExactly(1, 23);
        assertThat(pairs.get("FILM_ID")).isEqualTo(23);
        assertThat(pairs.has("actor_id")).isTrue();
        assertThat(pairs.size()).isEqualTo(2);
        assertThat(pairs.toMap()).containsExactly(Map.entry("actor_id", 1), Map.entry("film_id", 23));
        assertThat(pairs).hasToString("Key[actor_id=1, film_id=23]");
        assertThat(Key.of("id", 5)).hasToString("Key[id=5]");
    }

    @Test
    void keysCompareByColumnAndValueWhateverTheOrderAndNumberType() {
        Key key = Key.of("actor_id", 1, "film_id", 23);
        assertThat(Key.of("film_id", (short) 23, "actor_id", BigInteger.ONE)).isEqualTo(key).hasSameHashCodeAs(key);
        assertThat(Key.of("actor_id", new BigDecimal("1.00"), "film_id", 23L)).isEqualTo(key).hasSameHashCodeAs(key);
        assertThat(Key.of("price", new BigDecimal("1.50"))).isEqualTo(Key.of("price", new BigDecimal("1.5")));
        assertThat(Key.of("b", new byte[] { 1, 2 })).isEqualTo(Key.of("b", new byte[] { 1, 2 }))
                .hasSameHashCodeAs(Key.of("b", new byte[] { 1, 2 }));
        assertThat(key).isNotEqualTo(Key.of("actor_id", 1, "film_id", 24)).isNotEqualTo(Key.of("actor_id", 1))
                .isNotEqualTo(Key.of("actor_id", 1, "movie_id", 23)).isNotEqualTo(Key.of("actor_id", "1", "film_id", 23));
    }

    @Test
    void aKeyIsImmutable() {
        Map<String, Object> map = new LinkedHashMap<>(Map.of("id", 1));
        Key key = Key.of(map);
        map.put("id", 2);
        assertThat(key.get("id")).isEqualTo(1);
        assertThatThrownBy(() -> key.values().set(0, 3)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> key.columns().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void malformedKeysAreRefused() {
        assertThatThrownBy(() -> Key.of("a", 1, "b")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pairs");
        assertThatThrownBy(() -> Key.of("a", 1, 2, 3)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a column name");
        assertThatThrownBy(() -> Key.of("a", 1, "A", 2)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice");
        assertThatThrownBy(() -> Key.of(Map.of())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one");
        assertThatThrownBy(() -> Key.of(List.of("a"), List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Key.of("a", 1).get("b")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Key[a=1]");
    }
}
