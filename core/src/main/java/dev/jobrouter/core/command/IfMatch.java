package dev.jobrouter.core.command;

/**
 * Runs an upsert only when the entity it writes is stored with the given etag: optimistic
 * concurrency, like the service's {@code If-Match}. Otherwise it fails with PRECONDITION_FAILED and
 * changes nothing, also when the entity does not exist.
 *
 * @param etag the etag the caller read, from the entity's {@code etag()}
 * @param upsert the write to make
 * @param <R> the entity as stored
 */
public record IfMatch<R>(String etag, UpsertCommand<R> upsert) implements RouterCommand<R> {}
