package dev.jobrouter.core.model;

/** Whether a stored worker selector still constrains its job. */
public enum RouterWorkerSelectorStatus {
    ACTIVE,
    EXPIRED
}
