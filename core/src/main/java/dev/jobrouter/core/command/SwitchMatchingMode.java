package dev.jobrouter.core.command;

import dev.jobrouter.core.model.JobMatchingMode;

/**
 * Decision fact: a job upsert changes the job's matching mode. The built-in rules allow it only while
 * the job waits (queued, scheduled or waiting for activation); user rules may refuse it too.
 *
 * @param jobId the job
 * @param matchingMode the mode it switches to
 */
public record SwitchMatchingMode(String jobId, JobMatchingMode matchingMode) implements Command {}
