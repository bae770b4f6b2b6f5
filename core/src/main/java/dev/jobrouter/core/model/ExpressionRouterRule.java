package dev.jobrouter.core.model;

/**
 * An MVEL expression over {@code job} (the job's labels) and, when scoring, {@code worker} (the
 * worker's labels with {@code Id}), {@code selectors} and {@code workers}. A label the entity lacks
 * reads as null: {@code worker.HandleEscalation == true ? 100 : 1} gives 1 to a worker without it.
 * Compiled when the policy carrying it is stored (a compile error fails that upsert) and cached.
 *
 * @param expression the MVEL source, e.g. {@code job.Escalated == true ? 10 : 1}
 */
public record ExpressionRouterRule(String expression) implements RouterRule {}
