package dev.jobrouter.core.model;

import java.util.Map;

/**
 * A condition a queue's labels (with its {@code Id}) must meet for classification to choose it.
 *
 * @param key the label key; non-blank
 * @param labelOperator how the label compares with {@code value}
 * @param value a string, boolean or number, like a label
 */
public record RouterQueueSelector(String key, LabelOperator labelOperator, Object value) {

    public static RouterQueueSelector equal(String key, Object value) {
        return new RouterQueueSelector(key, LabelOperator.EQUAL, value);
    }

    public static RouterQueueSelector notEqual(String key, Object value) {
        return new RouterQueueSelector(key, LabelOperator.NOT_EQUAL, value);
    }

    public static RouterQueueSelector lessThan(String key, Object value) {
        return new RouterQueueSelector(key, LabelOperator.LESS_THAN, value);
    }

    public static RouterQueueSelector lessThanOrEqual(String key, Object value) {
        return new RouterQueueSelector(key, LabelOperator.LESS_THAN_OR_EQUAL, value);
    }

    public static RouterQueueSelector greaterThan(String key, Object value) {
        return new RouterQueueSelector(key, LabelOperator.GREATER_THAN, value);
    }

    public static RouterQueueSelector greaterThanOrEqual(String key, Object value) {
        return new RouterQueueSelector(key, LabelOperator.GREATER_THAN_OR_EQUAL, value);
    }

    /**
     * @param labels the labels: string, number or boolean values
     * @return whether the labels satisfy it
     */
    public boolean matches(Map<String, Object> labels) {
        return labelOperator.holds(labels.get(key), value);
    }
}
