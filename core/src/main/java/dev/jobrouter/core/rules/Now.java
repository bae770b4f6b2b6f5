package dev.jobrouter.core.rules;

import java.time.Instant;

/**
 * A fact holding the router's clock at the moment of a decision: {@code Now($now : instant)}.
 *
 * @param instant the router's current time
 */
public record Now(Instant instant) {}
