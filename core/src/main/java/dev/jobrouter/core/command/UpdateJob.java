package dev.jobrouter.core.command;

import java.util.Map;

/**
 * A job upsert that changes an existing job's priority, labels or tags, as the rules see it. Labels
 * and tags merge key by key.
 *
 * @param jobId the job
 * @param priority the new priority, or {@code null} to keep it
 * @param labels labels to add or replace
 * @param tags tags to add or replace
 */
public record UpdateJob(String jobId, Integer priority, Map<String, Object> labels, Map<String, Object> tags)
        implements Command {}
