package dev.jobrouter;

import dev.jobrouter.core.command.IfMatch;
import dev.jobrouter.core.command.RouterCommand;
import dev.jobrouter.core.command.UpsertCommand;

/** The command a definition's {@code upsert()} sends: guarded by its {@code ifMatch} etag when one was given. */
final class Guarded {
    private Guarded() {}

    static <R> RouterCommand<R> upsert(String ifMatch, UpsertCommand<R> upsert) {
        return ifMatch == null ? upsert : new IfMatch<>(ifMatch, upsert);
    }
}
