package dev.jobrouter.core.command;

import java.util.Map;

/**
 * Change an existing job's priority, labels or tags. Labels and tags merge key by key.
 *
 * @param jobId the job
 * @param priority the new priority, or {@code null} to keep it
 * @param labels labels to add or replace
 * @param tags tags to add or replace
 */
public record UpdateJob(String jobId, Integer priority, Map<String, Object> labels, Map<String, Object> tags)
        implements Command {}
