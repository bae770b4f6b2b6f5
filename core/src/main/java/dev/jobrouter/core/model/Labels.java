package dev.jobrouter.core.model;

import com.google.common.collect.ImmutableMap;
import dev.jobrouter.core.RouterException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import java.util.Set;

/**
 * Validation of label and tag maps: keys are non-blank strings; values are strings, booleans, or
 * numbers of the JDK's immutable types ({@code Integer}, {@code Long}, {@code Short}, {@code Byte},
 * {@code Double}, {@code Float}, {@code BigInteger}, {@code BigDecimal}). A mutable number (an
 * {@code AtomicInteger}, a {@code LongAdder}) is refused: its value could change behind the router's
 * back, with no command and no event.
 */
public final class Labels {
    /** The label the router sets on every worker and queue to its id. */
    public static final String ID = "Id";

    private Labels() {}

    /**
     * @param what what the map belongs to, for the error message ("label of job j1")
     * @param values the entries to check
     * @return an immutable copy, in the given order (iteration follows insertion)
     * @throws RouterException INVALID_ARGUMENT for a blank key or a value of another type
     */
    public static Map<String, Object> checked(String what, Map<String, ?> values) {
        ImmutableMap.Builder<String, Object> copy = ImmutableMap.builderWithExpectedSize(values.size());
        values.forEach((key, value) -> {
            checkValue(what, key, value);
            copy.put(key, value);
        });
        return copy.buildKeepingLast();
    }

    /**
     * @param current the map as it is
     * @param changes the entries to add or replace
     * @return {@code current} with {@code changes} added or replacing, key by key, in insertion order
     */
    public static Map<String, Object> merged(Map<String, Object> current, Map<String, Object> changes) {
        return ImmutableMap.<String, Object>builder().putAll(current).putAll(changes).buildKeepingLast();
    }

    /**
     * @param what what the map belongs to, for the error message ("label of worker w1")
     * @param removed the keys to remove
     * @param current the map as it is
     * @return {@code current} without the keys
     * @throws RouterException INVALID_ARGUMENT for a null or blank key
     */
    public static Map<String, Object> without(String what, Map<String, Object> current, Set<String> removed) {
        if (removed.isEmpty()) {
            return ImmutableMap.copyOf(current);
        }
        for (String key : removed) {
            if (key == null || key.isBlank()) {
                throw RouterException.invalid(what + " to remove needs a non-blank key");
            }
        }
        ImmutableMap.Builder<String, Object> kept = ImmutableMap.builderWithExpectedSize(current.size());
        current.forEach((key, value) -> {
            if (!removed.contains(key)) {
                kept.put(key, value);
            }
        });
        return kept.build();
    }

    /**
     * @param what what the map belongs to, for the error message
     * @param changes the entries to add or replace
     * @param removed the keys to remove
     * @param id the owner's id: the value the {@code Id} label must keep
     * @throws RouterException INVALID_ARGUMENT when the changes give the automatic {@code Id} label another
     *     value, or remove it
     */
    public static void keepsId(String what, Map<String, Object> changes, Set<String> removed, String id) {
        if (removed.contains(ID)) {
            throw RouterException.invalid(what + " '" + ID + "' is set by the router and cannot be removed");
        }
        Object given = changes.get(ID);
        if (given != null && !given.equals(id)) {
            throw RouterException.invalid(what + " '" + ID + "' is set by the router to " + id
                    + " and cannot be changed to " + given);
        }
    }

    /**
     * @param what what the entry belongs to, for the error message ("worker selector of job j1")
     * @param key the entry's key
     * @param value the entry's value
     * @throws RouterException INVALID_ARGUMENT for a blank key or a value that is not a string,
     *     boolean or immutable number
     */
    public static void checkValue(String what, String key, Object value) {
        if (key == null || key.isBlank()) {
            throw RouterException.invalid(what + " needs a non-blank key");
        }
        if (!(value instanceof String || value instanceof Boolean || isImmutableNumber(value))) {
            throw RouterException.invalid(what + " '" + key + "' must be a string, a boolean or an immutable number "
                    + "(Integer, Long, Short, Byte, Double, Float, BigInteger, BigDecimal), not "
                    + (value == null ? "null" : value.getClass().getSimpleName()));
        }
    }

    private static boolean isImmutableNumber(Object value) {
        if (value == null) {
            return false;
        }
        Class<?> type = value.getClass();
        // Exact classes: a subclass of BigDecimal or BigInteger may be mutable.
        return type == Integer.class || type == Long.class || type == Double.class || type == Float.class
                || type == Short.class || type == Byte.class || type == BigInteger.class || type == BigDecimal.class;
    }
}
