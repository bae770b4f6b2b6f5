package dev.jobrouter.core.model;

/** The default: the job is queued and offered to fitting workers at once. */
public record QueueAndMatchMode() implements JobMatchingMode {}
