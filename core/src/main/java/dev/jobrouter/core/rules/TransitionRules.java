package dev.jobrouter.core.rules;

/**
 * The rules SPI: decides transitions. The engine calls it one decision at a time (its host
 * holds a lock around each command) and applies the verdict; an implementation never changes router
 * state, and decides from the decision alone, so that the engine stays deterministic.
 *
 * <p>An implementation must turn its own failures (a rule that throws, a rule loop) into a
 * {@link dev.jobrouter.core.RouterException} with code CONFLICT naming the rule.
 */
public interface TransitionRules extends AutoCloseable {

    /**
     * @param decision the proposed transition and the facts it touches
     * @return the verdict; never {@code null}
     */
    Verdict decide(Decision decision);

    /** Releases the resources of this instance (a rule session). */
    @Override
    void close();
}
