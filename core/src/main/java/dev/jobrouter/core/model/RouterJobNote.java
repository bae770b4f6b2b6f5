package dev.jobrouter.core.model;

import java.time.Instant;

/**
 * A note recorded on a job.
 *
 * @param message the text
 * @param addedAt when it was added, on the router's clock
 */
public record RouterJobNote(String message, Instant addedAt) {}
