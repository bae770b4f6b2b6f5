package dev.jobrouter.core.rules;

import dev.jobrouter.core.command.FollowUpCommand;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the rules decided about one transition: the effects they inserted, in order, and the rules that
 * fired, in firing order. The accessors below read the effects the engine applies.
 *
 * @param effects every effect, with the rule that inserted it, in insertion order
 * @param firedRules the names of the rules that fired, in firing order (a rule firing twice is named twice)
 */
public record Verdict(List<RuleEffect> effects, List<String> firedRules) {

    /** A verdict that allows the transition and adds nothing. */
    public static final Verdict ALLOW = new Verdict(List.of(), List.of());

    /**
     * The canonical constructor: checks the components and keeps immutable copies of collections.
     *
     * @param effects every effect, with the rule that inserted it, in insertion order
     * @param firedRules the names of the rules that fired, in firing order (a rule firing twice is named twice)
     *     /
     */
    public Verdict {
        effects = List.copyOf(effects);
        firedRules = List.copyOf(firedRules);
    }

    /**
     * @param rule the name of the rule that decided
     * @param effect what the rules said
     * @return a verdict of one effect, inserted by the given rule, which fired once
     */
    public static Verdict of(String rule, Effect effect) {
        return new Verdict(List.of(new RuleEffect(rule, effect)), List.of(rule));
    }

    /** @return whether any rule refused */
    public boolean refused() {
        // Indexed: this runs for every decision, and most verdicts have no effect at all.
        for (int i = 0; i < effects.size(); i++) {
            if (effects.get(i).effect() instanceof Refusal) {
                return true;
            }
        }
        return false;
    }

    /** @return the refusals with their rules, in insertion order; empty when allowed */
    public List<RuleEffect> refusals() {
        return effects.stream().filter(entry -> entry.effect() instanceof Refusal).toList();
    }

    /** @return the latest {@link ReleaseCapacityAt}, or {@code null} */
    public Instant releaseAt() {
        Instant latest = null;
        for (RuleEffect entry : effects) {
            if (entry.effect() instanceof ReleaseCapacityAt release) {
                latest = later(latest, release.at());
            }
        }
        return latest;
    }

    /** @return the latest {@link RetryOfferAt}, or {@code null} */
    public Instant retryOfferAt() {
        Instant latest = null;
        for (RuleEffect entry : effects) {
            if (entry.effect() instanceof RetryOfferAt retry) {
                latest = later(latest, retry.at());
            }
        }
        return latest;
    }

    /** @return the commands to run after this one, in insertion order */
    public List<FollowUpCommand<?>> followUps() {
        if (effects.isEmpty()) {
            return List.of();
        }
        List<FollowUpCommand<?>> commands = new ArrayList<>();
        for (RuleEffect entry : effects) {
            if (entry.effect() instanceof FollowUp followUp) {
                commands.add(followUp.command());
            }
        }
        return commands;
    }

    private static Instant later(Instant current, Instant candidate) {
        return current == null || (candidate != null && candidate.isAfter(current)) ? candidate : current;
    }
}
