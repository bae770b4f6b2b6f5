package dev.jobrouter.core.rules;

import dev.jobrouter.core.command.Command;
import java.time.Instant;
import java.util.List;

/**
 * What the rules decided about one transition.
 *
 * @param refusals the refusals, in the order the rules inserted them; empty when allowed
 * @param releaseAt the latest {@link ReleaseCapacityAt}, or {@code null}
 * @param retryOfferAt the latest {@link RetryOfferAt}, or {@code null}
 * @param followUps commands to run after this one, in insertion order
 */
public record Verdict(List<RuleRefusal> refusals, Instant releaseAt, Instant retryOfferAt, List<Command> followUps) {

    /** A verdict that allows the transition and adds nothing. */
    public static final Verdict ALLOW = new Verdict(List.of(), null, null, List.of());

    public Verdict {
        refusals = List.copyOf(refusals);
        followUps = List.copyOf(followUps);
    }

    /** @return whether any rule refused */
    public boolean refused() {
        return !refusals.isEmpty();
    }
}
