package dev.jobrouter.core.model;

import java.time.Duration;

/**
 * Attaches {@code key labelOperator <the job's value for key>}; nothing when the job lacks the label.
 *
 * @param key the job label passed through
 * @param labelOperator how the worker's label must compare with it
 * @param expiresAfter how long the attached selector lasts, or {@code null} for as long as the job
 */
public record PassThroughWorkerSelectorAttachment(String key, LabelOperator labelOperator, Duration expiresAfter)
        implements WorkerSelectorAttachment {

    /**
     * A pass-through whose selector does not expire.
     *
     * @param key the key
     * @param labelOperator the operator
     */
    public PassThroughWorkerSelectorAttachment(String key, LabelOperator labelOperator) {
        this(key, labelOperator, null);
    }
}
