package dev.jobrouter.core.internal.engine;

import dev.jobrouter.core.event.RouterEvent;
import java.util.List;

/**
 * What executing a command produced.
 *
 * @param value what the command returns: the entity as stored, an accept's result, or {@code null}
 * @param events the events it published, in order, numbered on from the router's last event
 * @param <R> the type of {@code value}
 */
public record Outcome<R>(R value, List<RouterEvent> events) {}
