package dev.jobrouter.core.command;

import java.util.List;

/**
 * Decision fact: a {@link DeleteQueue}, with what still uses the queue.
 *
 * @param queueId the queue
 * @param activeJobs how many jobs that are neither closed nor cancelled are in it, or were queued in it
 *     by their caller and moved out by classification (which may put them back)
 * @param fallbackOf the classification policies whose fallback queue it is, by id
 * @param exceptionPolicies the exception policies whose manual reclassify actions move jobs into it, by id
 */
public record QueueDeletion(String queueId, int activeJobs, List<String> fallbackOf, List<String> exceptionPolicies)
        implements Command {
    /**
     * The canonical constructor: checks the components and keeps immutable copies of collections.
     *
     * @param queueId the queue
     * @param activeJobs how many jobs that are neither closed nor cancelled are in it, or were queued in it
     *     by their caller and moved out by classification (which may put them back)
     * @param fallbackOf the classification policies whose fallback queue it is, by id
     * @param exceptionPolicies the exception policies whose manual reclassify actions move jobs into it, by id
     *     /
     */
    public QueueDeletion {
        fallbackOf = List.copyOf(fallbackOf);
        exceptionPolicies = List.copyOf(exceptionPolicies);
    }
}
