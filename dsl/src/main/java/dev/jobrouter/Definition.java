package dev.jobrouter;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** Label and tag handling shared by the fluent definitions. */
abstract class Definition<SELF extends Definition<SELF>> {
    final Map<String, Object> labels = new LinkedHashMap<>();
    final Set<String> removedLabels = new LinkedHashSet<>();

    abstract SELF self();

    /**
     * Sets a label (merged with the existing ones on upsert).
     *
     * @param key the key
     * @param value the value
     * @return this definition, for chaining
     */
    public SELF label(String key, String value) {
        labels.put(key, value);
        return self();
    }

    /**
     * Sets a label (merged with the existing ones on upsert).
     *
     * @param key the key
     * @param value the value
     * @return this definition, for chaining
     */
    public SELF label(String key, Number value) {
        labels.put(key, value);
        return self();
    }

    /**
     * Sets a label (merged with the existing ones on upsert).
     *
     * @param key the key
     * @param value the value
     * @return this definition, for chaining
     */
    public SELF label(String key, boolean value) {
        labels.put(key, value);
        return self();
    }

    /**
     * Sets several labels. Values must be strings, numbers or booleans; others fail on upsert with
     * INVALID_ARGUMENT.
     *
     * @param values the entries: string, number or boolean values
     * @return this definition, for chaining
     */
    public SELF labels(Map<String, ?> values) {
        Arguments.required("labels", values).forEach(labels::put);
        return self();
    }

    /**
     * Removes a label on upsert (the service's JSON null); the automatic {@code Id} label of workers and
     * queues cannot be removed.
     *
     * @param key the key
     * @return this definition, for chaining
     */
    public SELF removeLabel(String key) {
        removedLabels.add(Arguments.required("key", key));
        return self();
    }

}
