package dev.jobrouter.core.engine;

import java.util.Collection;
import java.util.Collections;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * A map whose every change is recorded in the undo log and reported to a listener, so indexes derived
 * from it stay right through commits and rollbacks alike.
 */
final class TrackedMap<K, V> {

    /** Told of every change, including those a rollback makes. */
    interface Listener<K, V> {
        void changed(K key, V before, V after);
    }

    private final Map<K, V> entries = new HashMap<>();
    private final UndoLog undo;
    private final Listener<K, V> listener;

    TrackedMap(UndoLog undo, Listener<K, V> listener) {
        this.undo = undo;
        this.listener = listener;
    }

    TrackedMap(UndoLog undo) {
        this(undo, (key, before, after) -> {});
    }

    V get(K key) {
        return entries.get(key);
    }

    /** @return an unmodifiable view of the entries */
    Map<K, V> asMap() {
        return Collections.unmodifiableMap(entries);
    }

    Collection<V> values() {
        return Collections.unmodifiableCollection(entries.values());
    }

    void put(K key, V value) {
        V before = entries.put(key, value);
        undo.record(() -> restore(key, before));
        listener.changed(key, before, value);
    }

    void remove(K key) {
        V before = entries.remove(key);
        if (before != null) {
            undo.record(() -> restore(key, before));
            listener.changed(key, before, null);
        }
    }

    private void restore(K key, V value) {
        V current = value == null ? entries.remove(key) : entries.put(key, value);
        listener.changed(key, current, value);
    }
}
