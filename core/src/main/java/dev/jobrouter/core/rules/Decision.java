package dev.jobrouter.core.rules;

import dev.jobrouter.core.command.Command;
import dev.jobrouter.core.model.ClassificationPolicy;
import dev.jobrouter.core.model.DistributionPolicy;
import dev.jobrouter.core.model.RouterJob;
import dev.jobrouter.core.model.RouterJobOffer;
import dev.jobrouter.core.model.RouterQueue;
import dev.jobrouter.core.model.RouterWorker;
import java.time.Instant;

/**
 * A transition to decide, with snapshots of what it touches. The Drools adapter inserts each non-null
 * part as a fact, plus {@link Now}. Routing features add their facts here as further components; a rule base that does not mention
 * a fact's type never sees it.
 *
 * @param command the proposed transition
 * @param now the instant of the command being executed
 * @param job the job it touches, or {@code null}
 * @param worker the worker it touches, or {@code null}
 * @param offer the offer it touches, or {@code null}
 * @param queue the job's queue, or the queue being upserted; or {@code null}
 * @param policy that queue's distribution policy, or the policy being upserted; or {@code null}
 * @param classificationPolicy the job's classification policy, or the one being upserted; or {@code null}
 */
public record Decision(
        Command command, Instant now, RouterJob job, RouterWorker worker, RouterJobOffer offer, RouterQueue queue,
        DistributionPolicy policy, ClassificationPolicy classificationPolicy) {

    /**
     * A decision without a classification policy.
     *
     * @param command the command
     * @param now the current instant
     * @param job the job
     * @param worker the worker
     * @param offer the offer
     * @param queue the queue
     * @param policy the policy
     */
    public Decision(Command command, Instant now, RouterJob job, RouterWorker worker, RouterJobOffer offer,
            RouterQueue queue, DistributionPolicy policy) {
        this(command, now, job, worker, offer, queue, policy, null);
    }
}
