package dev.jobrouter.core.internal.engine;

import dev.jobrouter.core.rules.Decision;
import dev.jobrouter.core.rules.Refusal;
import dev.jobrouter.core.rules.TransitionRules;
import dev.jobrouter.core.rules.Verdict;
import java.util.function.Predicate;

/** Rules for engine tests without Drools: allow everything, except what a test chooses to refuse. */
final class StubRules implements TransitionRules {
    private volatile Predicate<Decision> refuse = decision -> false;

    /** Refuses, as rule "stub", every decision the predicate matches from now on. */
    void refuse(Predicate<Decision> refuse) {
        this.refuse = refuse;
    }

    @Override
    public Verdict decide(Decision decision) {
        return refuse.test(decision) ? Verdict.of("stub", new Refusal("refused by the test")) : Verdict.ALLOW;
    }

    @Override
    public void close() {}
}
