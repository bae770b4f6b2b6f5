package dev.jobrouter.core;

import static java.util.Objects.requireNonNull;

/**
 * The one exception the router throws for bad input and refused transitions. When it is thrown, the
 * router's state is exactly what it was before the call.
 *
 * <pre>{@code
 * try {
 *     router.completeJob("j1", assignmentId);
 * } catch (RouterException e) {
 *     if (e.code() == ErrorCode.CONFLICT) {
 *         log.info("refused by rule {}: {}", e.rule(), e.getMessage());
 *     }
 * }
 * }</pre>
 */
public class RouterException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What kind of failure. */
    private final ErrorCode code;
    /** The rule that refused, or null. */
    private final String rule;

    /**
     * @param code what kind of failure this is
     * @param message what was wrong: the entity, its state and the attempted operation
     */
    public RouterException(ErrorCode code, String message) {
        this(code, message, null, null);
    }

    /**
     * @param code what kind of failure this is
     * @param message what was wrong: the entity, its state and the attempted operation
     * @param rule the name of the rule that refused, or {@code null} when no rule did
     * @param cause the underlying failure, or {@code null}
     */
    public RouterException(ErrorCode code, String message, String rule, Throwable cause) {
        super(requireNonNull(message, "message"), cause);
        this.code = requireNonNull(code, "code");
        this.rule = rule;
    }

    /** @return the kind of failure */
    public ErrorCode code() {
        return code;
    }

    /** @return the name of the rule that refused the operation, or {@code null} when no rule did */
    public String rule() {
        return rule;
    }

    /**
     * Shorthand for an {@link ErrorCode#INVALID_ARGUMENT} failure.
     *
     * @param message what went wrong
     * @return this definition, for chaining
     */
    public static RouterException invalid(String message) {
        return new RouterException(ErrorCode.INVALID_ARGUMENT, message);
    }

    /**
     * Shorthand for a {@link ErrorCode#NOT_FOUND} failure.
     *
     * @param message what went wrong
     * @return this definition, for chaining
     */
    public static RouterException notFound(String message) {
        return new RouterException(ErrorCode.NOT_FOUND, message);
    }
}
