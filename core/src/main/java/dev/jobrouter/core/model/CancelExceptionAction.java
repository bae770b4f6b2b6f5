package dev.jobrouter.core.model;

/**
 * Cancels the job.
 *
 * @param dispositionCode its disposition code, or {@code null} for "Cancelled"
 * @param note a note to append, or {@code null}
 */
public record CancelExceptionAction(String dispositionCode, String note) implements ExceptionAction {}
