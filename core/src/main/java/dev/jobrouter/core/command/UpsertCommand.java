package dev.jobrouter.core.command;

/**
 * A caller's command that creates or changes one stored entity, named by {@link #entityId()}: the
 * commands {@link IfMatch} can guard with an etag.
 *
 * @param <R> the entity as stored
 */
public sealed interface UpsertCommand<R> extends RouterCommand<R>
        permits UpsertDistributionPolicy, UpsertQueue, UpsertWorker, UpsertJob, UpsertClassificationPolicy,
                UpsertExceptionPolicy {

    /** @return the id of the entity it writes */
    String entityId();
}
