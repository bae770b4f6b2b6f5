package dev.jobrouter.core.internal.engine;

import dev.jobrouter.core.ErrorCode;
import dev.jobrouter.core.RouterException;
import dev.jobrouter.core.command.IfMatch;
import dev.jobrouter.core.command.UpsertCommand;
import dev.jobrouter.core.command.UpsertDistributionPolicy;
import dev.jobrouter.core.command.UpsertExceptionPolicy;
import dev.jobrouter.core.command.UpsertJob;
import dev.jobrouter.core.command.UpsertQueue;
import dev.jobrouter.core.command.UpsertWorker;

/** Optimistic concurrency: an upsert guarded by {@link IfMatch} runs only on the etag its caller read. */
final class Preconditions implements Handlers.Family {
    private final RouterState state;
    private Handlers handlers;

    Preconditions(RouterState state) {
        this.state = state;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void register(Handlers handlers) {
        this.handlers = handlers;
        handlers.on(IfMatch.class, (Handlers.Handler) (command, tx) -> ifMatch((IfMatch<?>) command, (Transaction) tx));
    }

    private <R> R ifMatch(IfMatch<R> command, Transaction tx) {
        UpsertCommand<R> upsert = command.upsert();
        if (upsert == null) {
            throw RouterException.invalid("ifMatch needs an upsert to guard");
        }
        String id = Ids.check("id", upsert.entityId());
        Target target = targetOf(upsert);
        String what = target.kind() + " " + id;
        String stored = target.entities().etagOf(id);
        if (stored == null) {
            throw new RouterException(ErrorCode.PRECONDITION_FAILED,
                    "ifMatch " + command.etag() + " does not hold: " + what + " does not exist");
        }
        if (!stored.equals(command.etag())) {
            throw new RouterException(ErrorCode.PRECONDITION_FAILED, "ifMatch " + command.etag() + " does not hold: "
                    + what + " changed since (its etag is " + stored + "); read it again and retry");
        }
        return handlers.run(upsert, tx);
    }

    /** What an upsert writes: the kind of entity, for messages, and the map that holds it. */
    private record Target(String kind, TrackedMap<String, ?> entities) {}

    private Target targetOf(UpsertCommand<?> upsert) {
        if (upsert instanceof UpsertJob) {
            return new Target("job", state.jobs);
        }
        if (upsert instanceof UpsertWorker) {
            return new Target("worker", state.workers);
        }
        if (upsert instanceof UpsertQueue) {
            return new Target("queue", state.queues);
        }
        if (upsert instanceof UpsertDistributionPolicy) {
            return new Target("distribution policy", state.policies);
        }
        if (upsert instanceof UpsertExceptionPolicy) {
            return new Target("exception policy", state.exceptionPolicies);
        }
        return new Target("classification policy", state.classificationPolicies);
    }
}
