package dev.jobrouter.core;

/**
 * Why the router refused an operation. Every {@link RouterException} carries exactly one.
 */
public enum ErrorCode {
    /** The entity the operation addresses (its job, worker, offer or assignment) does not exist. */
    NOT_FOUND,
    /**
     * An argument is malformed: a null or blank id, a number out of range, a label value that is not a
     * string, number or boolean, or a reference to an entity that does not exist (a queue naming an
     * unknown distribution policy, a job naming an unknown queue).
     */
    INVALID_ARGUMENT,
    /**
     * The current state does not allow the operation: a rule refused the transition. The exception's
     * {@link RouterException#rule()} names the rule.
     */
    CONFLICT,
    /** An optimistic-concurrency precondition (an etag) did not hold. */
    PRECONDITION_FAILED,
    /** User DRL did not compile; the message names the resource, line and compiler message. */
    RULES_INVALID,
    /**
     * The journal cannot be read or written: a corrupt record, a failed write or fsync, or a directory
     * another router holds. The message names the file, the offset where there is one, and what to do.
     */
    JOURNAL_FAILED
}
