package dev.jobrouter.core.command;

/**
 * A worker accepts an open offer.
 *
 * @param workerId the worker
 * @param offerId the offer
 * @param jobId the offered job
 */
public record AcceptJobOffer(String workerId, String offerId, String jobId) implements Command {}
