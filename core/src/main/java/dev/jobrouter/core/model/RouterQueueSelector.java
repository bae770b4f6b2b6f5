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

    /**

     * @param key the label's key

     * @param value a string, boolean or number to compare with

     * @return a selector for queues whose label {@code key} is == {@code value}

     */

    public static RouterQueueSelector equal(String key, Object value) {
        return new RouterQueueSelector(key, LabelOperator.EQUAL, value);
    }

    /**

     * @param key the label's key

     * @param value a string, boolean or number to compare with

     * @return a selector for queues whose label {@code key} is != {@code value}

     */

    public static RouterQueueSelector notEqual(String key, Object value) {
        return new RouterQueueSelector(key, LabelOperator.NOT_EQUAL, value);
    }

    /**

     * @param key the label's key

     * @param value a string, boolean or number to compare with

     * @return a selector for queues whose label {@code key} is &lt; {@code value}

     */

    public static RouterQueueSelector lessThan(String key, Object value) {
        return new RouterQueueSelector(key, LabelOperator.LESS_THAN, value);
    }

    /**

     * @param key the label's key

     * @param value a string, boolean or number to compare with

     * @return a selector for queues whose label {@code key} is &lt;= {@code value}

     */

    public static RouterQueueSelector lessThanOrEqual(String key, Object value) {
        return new RouterQueueSelector(key, LabelOperator.LESS_THAN_OR_EQUAL, value);
    }

    /**

     * @param key the label's key

     * @param value a string, boolean or number to compare with

     * @return a selector for queues whose label {@code key} is &gt; {@code value}

     */

    public static RouterQueueSelector greaterThan(String key, Object value) {
        return new RouterQueueSelector(key, LabelOperator.GREATER_THAN, value);
    }

    /**

     * @param key the label's key

     * @param value a string, boolean or number to compare with

     * @return a selector for queues whose label {@code key} is &gt;= {@code value}

     */

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
