package dev.jobrouter.core.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrackedMapTest {
    private final UndoLog undo = new UndoLog();
    /** A derived index (value -> key) that must follow the map through rollbacks. */
    private final Map<String, String> byValue = new HashMap<>();
    private final TrackedMap<String, String> map = new TrackedMap<>(undo, (key, before, after) -> {
        if (before != null) {
            byValue.remove(before);
        }
        if (after != null) {
            byValue.put(after, key);
        }
    });

    @Test
    void aRollbackRestoresTheMapAndWhatListenersDerivedFromIt() {
        map.put("a", "1");
        map.put("b", "2");
        undo.commit();

        map.put("a", "10");
        map.remove("b");
        map.put("c", "3");
        undo.rollback();

        assertThat(map.get("a")).isEqualTo("1");
        assertThat(map.get("b")).isEqualTo("2");
        assertThat(map.get("c")).isNull();
        assertThat(byValue).containsOnly(Map.entry("1", "a"), Map.entry("2", "b"));
    }

    @Test
    void rollingBackToAMarkKeepsWhatCameBefore() {
        map.put("a", "1");
        int mark = undo.mark();
        map.put("b", "2");

        undo.rollbackTo(mark);

        assertThat(map.get("a")).isEqualTo("1");
        assertThat(map.get("b")).isNull();
        assertThat(byValue).containsOnly(Map.entry("1", "a"));
    }
}
