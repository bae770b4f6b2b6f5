package dev.jobrouter.core.event;

import dev.jobrouter.core.model.RouterWorkerSelector;
import java.time.Instant;
import java.util.List;

/**
 * Worker selectors of a job expired: they no longer constrain or expedite it.
 *
 * @param sequence the event's number: gap-free, in commit order, from 0
 * @param at when it happened: the selectors' {@code expiresAt}
 * @param jobId the job
 * @param expiredSelectors the selectors that expired, now EXPIRED
 */
public record JobWorkerSelectorsExpired(long sequence, Instant at, String jobId,
        List<RouterWorkerSelector> expiredSelectors) implements RouterEvent {}
