package dev.jobrouter.core.command;

/**
 * An open offer is withdrawn because its job was accepted by another worker, cancelled or deleted, or
 * its worker deregistered. A refusal refuses the command that caused it.
 *
 * @param offerId the offer
 * @param jobId the offered job
 * @param workerId the worker
 */
public record RevokeOffer(String offerId, String jobId, String workerId) implements Command {}
