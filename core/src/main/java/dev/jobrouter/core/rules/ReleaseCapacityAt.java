package dev.jobrouter.core.rules;

import java.time.Instant;

/**
 * Inserted by a rule deciding a {@code CloseJob}: when the job's capacity is released (and the job
 * becomes CLOSED). When several are inserted, the latest instant wins; an instant in the past means now.
 *
 * @param at the release instant
 */
public record ReleaseCapacityAt(Instant at) implements Effect {}
