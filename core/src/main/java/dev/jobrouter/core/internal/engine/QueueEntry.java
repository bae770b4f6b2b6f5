package dev.jobrouter.core.internal.engine;

import java.time.Instant;
import java.util.Set;

/**
 * A queued job's current entry into a queue with an exception policy: a rule fires at most once per
 * entry, and a job re-enters when its queue or its enqueuedAt changes.
 *
 * @param queueId the queue it entered
 * @param enqueuedAt when it entered
 * @param firedRuleIds the exception rules fired for it since
 * @param timerDueAt when its pending wait-time timer is due, or {@code null} when none is pending
 */
public record QueueEntry(String queueId, Instant enqueuedAt, Set<String> firedRuleIds, Instant timerDueAt) {
    public QueueEntry {
        firedRuleIds = Set.copyOf(firedRuleIds);
    }

    boolean isEntry(String queueId, Instant enqueuedAt) {
        return this.queueId.equals(queueId) && this.enqueuedAt.equals(enqueuedAt);
    }
}
