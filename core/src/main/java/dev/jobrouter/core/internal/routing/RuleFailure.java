package dev.jobrouter.core.internal.routing;

/** A router rule that threw or returned the wrong type; its message is the reason events carry. */
public final class RuleFailure extends Exception {
    private static final long serialVersionUID = 1L;

    RuleFailure(String message, Throwable cause) {
        super(message, cause);
    }

    RuleFailure(String message) {
        super(message);
    }
}
