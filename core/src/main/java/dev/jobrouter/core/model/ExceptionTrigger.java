package dev.jobrouter.core.model;

/** What makes an exception rule fire for a job in a queue. */
public sealed interface ExceptionTrigger permits QueueLengthExceptionTrigger, WaitTimeExceptionTrigger {}
