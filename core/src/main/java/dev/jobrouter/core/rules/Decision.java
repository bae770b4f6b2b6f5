package dev.jobrouter.core.rules;

import dev.jobrouter.core.command.Command;
import dev.jobrouter.core.model.RouterJob;
import dev.jobrouter.core.model.RouterJobOffer;
import dev.jobrouter.core.model.RouterWorker;
import java.time.Instant;

/**
 * A transition to decide, with snapshots of the entities it touches. The Drools adapter inserts each
 * non-null part as a fact, plus {@link Now}.
 *
 * @param command the proposed transition
 * @param now the router's clock
 * @param job the job it touches, or {@code null}
 * @param worker the worker it touches, or {@code null}
 * @param offer the offer it touches, or {@code null}
 */
public record Decision(Command command, Instant now, RouterJob job, RouterWorker worker, RouterJobOffer offer) {}
