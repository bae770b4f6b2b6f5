package dev.jobrouter.core.model;

import com.google.common.collect.ImmutableMap;
import dev.jobrouter.core.RouterException;
import java.util.Map;

/** Validation of label and tag maps: keys are non-blank strings, values are strings, numbers or booleans. */
public final class Labels {
    private Labels() {}

    /**
     * @param what what the map belongs to, for the error message ("label of job j1")
     * @param values the entries to check
     * @return an immutable copy, in the given order
     * @throws RouterException INVALID_ARGUMENT for a blank key or a value of another type
     */
    public static ImmutableMap<String, Object> checked(String what, Map<String, ?> values) {
        ImmutableMap.Builder<String, Object> copy = ImmutableMap.builderWithExpectedSize(values.size());
        values.forEach((key, value) -> {
            checkValue(what, key, value);
            copy.put(key, value);
        });
        return copy.buildKeepingLast();
    }

    /** @return {@code current} with {@code changes} added or replacing, key by key, in insertion order */
    public static ImmutableMap<String, Object> merged(Map<String, Object> current, Map<String, Object> changes) {
        return ImmutableMap.<String, Object>builder().putAll(current).putAll(changes).buildKeepingLast();
    }

    /**
     * @throws RouterException INVALID_ARGUMENT for a blank key or a value that is not a string, number or boolean
     */
    private static void checkValue(String what, String key, Object value) {
        if (key == null || key.isBlank()) {
            throw RouterException.invalid(what + " needs a non-blank key");
        }
        if (!(value instanceof String || value instanceof Number || value instanceof Boolean)) {
            throw RouterException.invalid(what + " '" + key + "' must be a string, number or boolean, not "
                    + (value == null ? "null" : value.getClass().getSimpleName()));
        }
    }
}
