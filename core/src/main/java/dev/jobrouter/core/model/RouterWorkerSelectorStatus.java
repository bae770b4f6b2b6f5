package dev.jobrouter.core.model;

/** Whether a stored worker selector still constrains its job. */
public enum RouterWorkerSelectorStatus {
    /** The selector constrains its job. */
    ACTIVE,
    /** Its expiry has passed: it no longer constrains the job. */
    EXPIRED
}
