package dev.jobrouter.core.model;

/** Where an offer is in its life. Only an {@link #OPEN} offer holds capacity and can be answered. */
public enum OfferStatus {
    OPEN,
    ACCEPTED,
    DECLINED,
    EXPIRED,
    REVOKED
}
