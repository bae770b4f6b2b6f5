package dev.jobrouter.core.model;

/** Where an offer is in its life. Only an {@link #OPEN} offer holds capacity and can be answered. */
public enum OfferStatus {
    /** Issued and not yet answered: it holds the worker's capacity until then. */
    OPEN,
    /** The worker accepted it: the job is assigned to the worker. */
    ACCEPTED,
    /** The worker declined it, perhaps until a retry instant. */
    DECLINED,
    /** Its expiry instant came before an answer. */
    EXPIRED,
    /** The router took it back: the job was accepted by another worker, cancelled, or changed so that it no longer fits. */
    REVOKED
}
