package dev.jobrouter.core.command;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Immutable copies for command records. Unlike {@code Map.copyOf} they keep the given order and let
 * nulls through, so that a bad entry reaches the engine's checks and fails there with a message
 * naming it, instead of a bare NullPointerException where the command is built.
 */
final class Values {
    private Values() {}

    /** @return an unmodifiable copy in the given order; an empty map for {@code null} */
    static <K, V> Map<K, V> copy(Map<K, V> map) {
        return map == null || map.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    /** @return an unmodifiable copy in the given order, or {@code null} for {@code null} (keep the current value) */
    static <K, V> Map<K, V> copyOrNull(Map<K, V> map) {
        return map == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    /** @return an unmodifiable copy in the given order, or {@code null} for {@code null} (keep the current value) */
    static <T> List<T> copyOrNull(List<T> list) {
        return list == null ? null : Collections.unmodifiableList(new ArrayList<>(list));
    }

    /** @return an unmodifiable copy in the given order; an empty set for {@code null} */
    static <T> Set<T> copy(Set<T> set) {
        return set == null || set.isEmpty() ? Set.of() : Collections.unmodifiableSet(new LinkedHashSet<>(set));
    }

    /** @return an unmodifiable copy in the given order, or {@code null} for {@code null} (keep the current value) */
    static <T> Set<T> copyOrNull(Set<T> set) {
        return set == null ? null : Collections.unmodifiableSet(new LinkedHashSet<>(set));
    }
}
