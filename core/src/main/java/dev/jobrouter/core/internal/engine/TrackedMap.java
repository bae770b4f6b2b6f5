package dev.jobrouter.core.internal.engine;

import java.util.Collection;
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
    /** For maps of entities: their etags, and where fresh ones come from; {@code null} for other maps. */
    private final Etagged<V> etags;
    private final Sequences sequences;

    TrackedMap(UndoLog undo, Listener<K, V> listener) {
        this(undo, listener, null, null);
    }

    TrackedMap(UndoLog undo) {
        this(undo, (key, before, after) -> {});
    }

    /** A map of entities whose every change gets a fresh etag from the sequences. */
    TrackedMap(UndoLog undo, Listener<K, V> listener, Etagged<V> etags, Sequences sequences) {
        this.undo = undo;
        this.listener = listener;
        this.etags = etags;
        this.sequences = sequences;
    }

    TrackedMap(UndoLog undo, Etagged<V> etags, Sequences sequences) {
        this(undo, (key, before, after) -> {}, etags, sequences);
    }

    V get(K key) {
        return entries.get(key);
    }

    /** @return the etag of the entity stored under the key, or {@code null} when none is (or the map keeps no etags) */
    String etagOf(K key) {
        V value = entries.get(key);
        return value == null || etags == null ? null : etags.etagOf().apply(value);
    }

    /** @return an unmodifiable view of the entries */
    Map<K, V> asMap() {
        return Collections.unmodifiableMap(entries);
    }

    Collection<V> values() {
        return Collections.unmodifiableCollection(entries.values());
    }

    /**
     * Stores the value. In a map of entities it gets a fresh etag, unless it equals the stored one
     * but for its etag: then nothing changes.
     *
     * @return the value as stored, with its etag
     */
    V put(K key, V value) {
        V stored = value;
        if (etags != null) {
            V current = entries.get(key);
            if (current != null && sameButForEtag(value, current)) {
                return current;
            }
            stored = etags.withEtag().apply(value, sequences.nextEtag());
        }
        V before = entries.put(key, stored);
        undo.record(() -> restore(key, before));
        listener.changed(key, before, stored);
        return stored;
    }

    /** Cheap for the usual write, a copy of the current value with a part changed: equals stops at that part. */
    private boolean sameButForEtag(V value, V current) {
        String etag = etags.etagOf().apply(current);
        V comparable = etag.equals(etags.etagOf().apply(value)) ? value : etags.withEtag().apply(value, etag);
        return comparable.equals(current);
    }

    /**
     * Stores a value restored from a snapshot as it is, etag included, telling the listener so that
     * the indexes follow; nothing to undo. For an engine being restored, before its first command.
     */
    void load(K key, V value) {
        V before = entries.put(key, value);
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
