package dev.jobrouter.core.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * A condition a worker's labels must meet to be offered a job. The caller sets the key, operator,
 * value, {@code expiresAfter} and {@code expedite}; the router sets {@code status} and {@code expiresAt}
 * when it stores the selector on a job.
 *
 * <pre>{@code
 * RouterWorkerSelector.greaterThanOrEqual("Skill", 5).expedite(true).expiresAfter(Duration.ofMinutes(2));
 * }</pre>
 *
 * @param key the label key; non-blank
 * @param labelOperator how the label compares with {@code value}
 * @param value a string, boolean or number, like a label
 * @param expiresAfter how long after it is stored it stops constraining, or {@code null} for never; positive
 * @param expedite whether the job goes ahead of non-expedited jobs of its priority while this is active
 * @param status ACTIVE or EXPIRED once stored, {@code null} before
 * @param expiresAt when it expires once stored, or {@code null}
 */
public record RouterWorkerSelector(String key, LabelOperator labelOperator, Object value, Duration expiresAfter,
        boolean expedite, RouterWorkerSelectorStatus status, Instant expiresAt) {

    /**
     * The SDK's constructor: a selector that neither expires nor expedites.
     *
     * @param key the key
     * @param labelOperator the operator
     * @param value the value
     */
    public RouterWorkerSelector(String key, LabelOperator labelOperator, Object value) {
        this(key, labelOperator, value, null, false, null, null);
    }

    /**

     * @param key the label's key

     * @param value a string, boolean or number to compare with

     * @return a selector for workers whose label {@code key} is == {@code value}

     */

    public static RouterWorkerSelector equal(String key, Object value) {
        return new RouterWorkerSelector(key, LabelOperator.EQUAL, value);
    }

    /**

     * @param key the label's key

     * @param value a string, boolean or number to compare with

     * @return a selector for workers whose label {@code key} is != {@code value}

     */

    public static RouterWorkerSelector notEqual(String key, Object value) {
        return new RouterWorkerSelector(key, LabelOperator.NOT_EQUAL, value);
    }

    /**

     * @param key the label's key

     * @param value a string, boolean or number to compare with

     * @return a selector for workers whose label {@code key} is &lt; {@code value}

     */

    public static RouterWorkerSelector lessThan(String key, Object value) {
        return new RouterWorkerSelector(key, LabelOperator.LESS_THAN, value);
    }

    /**

     * @param key the label's key

     * @param value a string, boolean or number to compare with

     * @return a selector for workers whose label {@code key} is &lt;= {@code value}

     */

    public static RouterWorkerSelector lessThanOrEqual(String key, Object value) {
        return new RouterWorkerSelector(key, LabelOperator.LESS_THAN_OR_EQUAL, value);
    }

    /**

     * @param key the label's key

     * @param value a string, boolean or number to compare with

     * @return a selector for workers whose label {@code key} is &gt; {@code value}

     */

    public static RouterWorkerSelector greaterThan(String key, Object value) {
        return new RouterWorkerSelector(key, LabelOperator.GREATER_THAN, value);
    }

    /**

     * @param key the label's key

     * @param value a string, boolean or number to compare with

     * @return a selector for workers whose label {@code key} is &gt;= {@code value}

     */

    public static RouterWorkerSelector greaterThanOrEqual(String key, Object value) {
        return new RouterWorkerSelector(key, LabelOperator.GREATER_THAN_OR_EQUAL, value);
    }

    /**
     * @param expiresAfter how long until it expires
     * @return a copy that expires this long after it is stored
     */
    public RouterWorkerSelector expiresAfter(Duration expiresAfter) {
        return new RouterWorkerSelector(key, labelOperator, value, expiresAfter, expedite, status, expiresAt);
    }

    /**
     * @param expedite whether the selector is expedited
     * @return a copy that expedites its job, or not
     */
    public RouterWorkerSelector expedite(boolean expedite) {
        return new RouterWorkerSelector(key, labelOperator, value, expiresAfter, expedite, status, expiresAt);
    }

    /** @return whether it constrains its job: not expired */
    public boolean active() {
        return status != RouterWorkerSelectorStatus.EXPIRED;
    }

    /**
     * @param labels the labels: string, number or boolean values
     * @return whether the labels satisfy it: the label is there and the comparison holds
     */
    public boolean matches(Map<String, Object> labels) {
        return labelOperator.holds(labels.get(key), value);
    }
}
