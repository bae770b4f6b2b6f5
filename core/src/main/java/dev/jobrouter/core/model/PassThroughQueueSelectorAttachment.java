package dev.jobrouter.core.model;

/**
 * Attaches {@code key labelOperator <the job's value for key>}; nothing when the job lacks the label.
 *
 * @param key the job label passed through
 * @param labelOperator how the queue's label must compare with it
 */
public record PassThroughQueueSelectorAttachment(String key, LabelOperator labelOperator)
        implements QueueSelectorAttachment {}
