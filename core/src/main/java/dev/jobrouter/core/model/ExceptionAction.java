package dev.jobrouter.core.model;

/** What an exception rule does to the job it fired for; a rule's actions run in order, none after a cancel. */
public sealed interface ExceptionAction permits CancelExceptionAction, ManualReclassifyExceptionAction,
        ReclassifyExceptionAction {}
