package dev.jobrouter.core.engine;

import dev.jobrouter.core.ErrorCode;
import dev.jobrouter.core.RouterException;
import dev.jobrouter.core.command.IfMatch;
import dev.jobrouter.core.command.UpsertCommand;
import dev.jobrouter.core.command.UpsertDistributionPolicy;
import dev.jobrouter.core.command.UpsertExceptionPolicy;
import dev.jobrouter.core.command.UpsertJob;
import dev.jobrouter.core.command.UpsertQueue;
import dev.jobrouter.core.command.UpsertWorker;
import dev.jobrouter.core.model.ClassificationPolicy;
import dev.jobrouter.core.model.DistributionPolicy;
import dev.jobrouter.core.model.ExceptionPolicy;
import dev.jobrouter.core.model.RouterJob;
import dev.jobrouter.core.model.RouterQueue;
import dev.jobrouter.core.model.RouterWorker;
import java.util.function.Function;

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
        String what = kind(upsert) + " " + id;
        String stored = storedEtag(upsert, id);
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

    private String storedEtag(UpsertCommand<?> upsert, String id) {
        if (upsert instanceof UpsertJob) {
            return etag(state.jobs, id, RouterJob::etag);
        }
        if (upsert instanceof UpsertWorker) {
            return etag(state.workers, id, RouterWorker::etag);
        }
        if (upsert instanceof UpsertQueue) {
            return etag(state.queues, id, RouterQueue::etag);
        }
        if (upsert instanceof UpsertDistributionPolicy) {
            return etag(state.policies, id, DistributionPolicy::etag);
        }
        if (upsert instanceof UpsertExceptionPolicy) {
            return etag(state.exceptionPolicies, id, ExceptionPolicy::etag);
        }
        return etag(state.classificationPolicies, id, ClassificationPolicy::etag);
    }

    private static <V> String etag(TrackedMap<String, V> entities, String id, Function<V, String> etag) {
        V entity = entities.get(id);
        return entity == null ? null : etag.apply(entity);
    }

    private static String kind(UpsertCommand<?> upsert) {
        if (upsert instanceof UpsertJob) {
            return "job";
        }
        if (upsert instanceof UpsertWorker) {
            return "worker";
        }
        if (upsert instanceof UpsertQueue) {
            return "queue";
        }
        if (upsert instanceof UpsertExceptionPolicy) {
            return "exception policy";
        }
        return upsert instanceof UpsertDistributionPolicy ? "distribution policy" : "classification policy";
    }
}
