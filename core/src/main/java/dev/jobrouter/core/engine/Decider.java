package dev.jobrouter.core.engine;

import dev.jobrouter.core.ErrorCode;
import dev.jobrouter.core.RouterException;
import dev.jobrouter.core.command.Command;
import dev.jobrouter.core.command.TimedCommand;
import dev.jobrouter.core.model.RouterJob;
import dev.jobrouter.core.model.RouterJobOffer;
import dev.jobrouter.core.model.RouterWorker;
import dev.jobrouter.core.rules.Decision;
import dev.jobrouter.core.rules.RuleRefusal;
import dev.jobrouter.core.rules.TransitionRules;
import dev.jobrouter.core.rules.Verdict;
import java.time.InstantSource;
import java.util.Queue;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Asks the rules about a transition and turns the verdict into what the engine does next. */
final class Decider {
    private static final Logger log = LoggerFactory.getLogger(Decider.class);

    private final TransitionRules rules;
    private final InstantSource clock;
    private final Queue<Command> followUps;

    /** @param followUps where the follow-ups of allowed transitions go, to be run after the command */
    Decider(TransitionRules rules, InstantSource clock, Queue<Command> followUps) {
        this.rules = rules;
        this.clock = clock;
        this.followUps = followUps;
    }

    /**
     * Decides a transition a caller asked for, or one that a caller's command causes.
     *
     * @param subject the entity and its state, for the error message: {@code "job j1 is CLOSED"}; built
     *     only when a rule refuses, so allowed decisions pay nothing for it
     * @throws RouterException CONFLICT naming the refusing rule
     */
    Verdict require(Command command, Supplier<String> subject, RouterJob job, RouterWorker worker, RouterJobOffer offer) {
        Verdict verdict = rules.decide(new Decision(command, clock.instant(), job, worker, offer));
        if (verdict.refused()) {
            RuleRefusal first = verdict.refusals().get(0);
            String reasons = verdict.refusals().stream()
                    .map(r -> r.reason() + " (rule \"" + r.rule() + "\")")
                    .collect(Collectors.joining("; "));
            throw new RouterException(ErrorCode.CONFLICT, subject.get() + "; " + reasons, first.rule(), null);
        }
        followUps.addAll(verdict.followUps());
        return verdict;
    }

    /**
     * Decides whether the matcher may offer a job to a worker. A rule that fails counts as a refusal,
     * so one broken rule cannot stop matching; it is logged. Follow-ups of offer issues are ignored:
     * matching is a search, not a request.
     */
    boolean allows(Command command, RouterJob job, RouterWorker worker) {
        try {
            return !rules.decide(new Decision(command, clock.instant(), job, worker, null)).refused();
        } catch (RouterException e) {
            log.warn("treating the failure of rule {} as a refusal of {}: {}", e.rule(), command, e.getMessage());
            return false;
        }
    }

    /**
     * Decides a timed command. Time passes whatever the rules say: a refusal is ignored and a failing
     * rule leaves the command without follow-ups, both logged.
     */
    Verdict decideTimed(TimedCommand command, RouterJob job, RouterWorker worker, RouterJobOffer offer) {
        Verdict verdict;
        try {
            verdict = rules.decide(new Decision(command, clock.instant(), job, worker, offer));
        } catch (RouterException e) {
            log.error("rule {} failed on {}; it goes ahead without follow-ups: {}", e.rule(), command, e.getMessage());
            return Verdict.ALLOW;
        }
        if (verdict.refused()) {
            log.warn("ignoring refusals of {}: time-driven commands cannot be refused: {}", command, verdict.refusals());
        }
        followUps.addAll(verdict.followUps());
        return verdict;
    }
}
