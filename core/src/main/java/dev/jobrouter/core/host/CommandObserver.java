package dev.jobrouter.core.host;

import dev.jobrouter.core.RouterException;
import dev.jobrouter.core.command.RouterCommand;

/**
 * Hears of every command a caller gave the router, once it is decided: how long the engine took to
 * decide and apply it, and the refusal when it refused. For metrics: it runs outside the router's
 * lock, on the caller's thread, and one that throws is logged and skipped.
 */
@FunctionalInterface
public interface CommandObserver {

    /**
     * @param command the command
     * @param decisionNanos how long the engine took to decide and apply it, waiting for the lock and
     *     for the journal's fsync left out
     * @param refusal why the router refused it, or {@code null} when it committed
     */
    void decided(RouterCommand<?> command, long decisionNanos, RouterException refusal);
}
