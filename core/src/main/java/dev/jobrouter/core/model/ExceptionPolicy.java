package dev.jobrouter.core.model;

import java.util.List;

/**
 * What happens to the jobs of the queues that name it when they wait too long or their queue overflows.
 * Each rule fires at most once per job per entry into the queue.
 *
 * @param id the policy's id
 * @param name a display name, or {@code null}
 * @param exceptionRules its rules, in order
 * @param etag an opaque tag that every change to the policy replaces; {@code null} until the router stores it
 */
public record ExceptionPolicy(String id, String name, List<ExceptionRule> exceptionRules, String etag) {
    /**
     * The canonical constructor: checks the components and keeps immutable copies of collections.
     *
     * @param id the policy's id
     * @param name a display name, or {@code null}
     * @param exceptionRules its rules, in order
     * @param etag an opaque tag that every change to the policy replaces; {@code null} until the router stores it
     *     /
     */
    public ExceptionPolicy {
        exceptionRules = List.copyOf(exceptionRules);
    }
}
