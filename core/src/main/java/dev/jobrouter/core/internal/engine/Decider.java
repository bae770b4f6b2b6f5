package dev.jobrouter.core.internal.engine;

import dev.jobrouter.core.ErrorCode;
import dev.jobrouter.core.RouterException;
import dev.jobrouter.core.command.Command;
import dev.jobrouter.core.command.TimedCommand;
import dev.jobrouter.core.model.ClassificationPolicy;
import dev.jobrouter.core.model.DistributionPolicy;
import dev.jobrouter.core.model.RouterJob;
import dev.jobrouter.core.model.RouterJobOffer;
import dev.jobrouter.core.model.RouterQueue;
import dev.jobrouter.core.model.RouterWorker;
import dev.jobrouter.core.rules.Decision;
import dev.jobrouter.core.rules.Effect;
import dev.jobrouter.core.rules.Refusal;
import dev.jobrouter.core.rules.ReleaseCapacityAt;
import dev.jobrouter.core.rules.RetryOfferAt;
import dev.jobrouter.core.rules.RuleEffect;
import dev.jobrouter.core.rules.TransitionRules;
import dev.jobrouter.core.rules.Verdict;
import dev.jobrouter.core.time.RouterTime;
import java.time.Instant;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the rules about a command, with the facts it touches, and turns the verdict into what the
 * engine does next: a refusal into a CONFLICT, follow-ups into the transaction's queue.
 */
final class Decider {
    private static final Logger log = LoggerFactory.getLogger(Decider.class);

    private final TransitionRules rules;
    private final RouterState state;
    private final BrokenRuleWarnings warnings = new BrokenRuleWarnings(log);

    Decider(TransitionRules rules, RouterState state) {
        this.rules = rules;
        this.state = state;
    }

    /**
     * Decides a command a caller asked for, or one that a caller's command causes.
     *
     * @param subject the entity and its state, for the error message: {@code "job j1 is CLOSED"}; built
     *     only when a rule refuses, so allowed decisions pay nothing for it
     * @throws RouterException CONFLICT naming the refusing rule
     */
    Verdict require(Transaction tx, Command command, Supplier<String> subject, RouterJob job, RouterWorker worker,
            RouterJobOffer offer) {
        Verdict verdict = rules.decide(decision(tx, command, job, worker, offer));
        refuseIfRefused(verdict, subject);
        queueFollowUps(tx, verdict);
        return verdict;
    }

    /** Decides a queue or policy upsert, with the queue and policy as they would be. */
    Verdict require(Transaction tx, Command command, Supplier<String> subject, RouterQueue queue,
            DistributionPolicy policy) {
        Verdict verdict = rules.decide(new Decision(command, tx.now(), null, null, null, queue, policy));
        refuseIfRefused(verdict, subject);
        queueFollowUps(tx, verdict);
        return verdict;
    }

    /** Decides a classification policy upsert, with the policy as it would be. */
    Verdict require(Transaction tx, Command command, Supplier<String> subject, ClassificationPolicy policy) {
        Verdict verdict = rules.decide(new Decision(command, tx.now(), null, null, null, null, null, policy));
        refuseIfRefused(verdict, subject);
        queueFollowUps(tx, verdict);
        return verdict;
    }

    /**
     * Decides whether the matcher may offer a job to a worker. A rule that fails counts as a refusal,
     * so one broken rule cannot stop matching; it is logged. Follow-ups of offer issues are ignored:
     * matching is a search, not a request.
     */
    boolean allows(Transaction tx, Command command, RouterJob job, RouterWorker worker) {
        try {
            return !rules.decide(decision(tx, command, job, worker, null)).refused();
        } catch (RouterException e) {
            warnings.failed(e.rule(), command, e);
            return false;
        }
    }

    /**
     * Decides a timed command. Time passes whatever the rules say: a refusal is ignored and a failing
     * rule leaves the command without follow-ups, both logged.
     */
    void decideTimed(Transaction tx, TimedCommand command, RouterJob job, RouterWorker worker, RouterJobOffer offer) {
        Verdict verdict;
        try {
            verdict = rules.decide(decision(tx, command, job, worker, offer));
        } catch (RouterException e) {
            log.error("rule {} failed on {}; it goes ahead without follow-ups: {}", e.rule(), command, e.getMessage());
            return;
        }
        if (verdict.refused()) {
            log.warn("ignoring refusals of {}: time-driven commands cannot be refused: {}", command, verdict.refusals());
        }
        queueFollowUps(tx, verdict);
    }

    private static void queueFollowUps(Transaction tx, Verdict verdict) {
        if (!verdict.effects().isEmpty()) {
            tx.followUps.addAll(verdict.followUps());
        }
    }

    private Decision decision(Transaction tx, Command command, RouterJob job, RouterWorker worker,
            RouterJobOffer offer) {
        RouterQueue queue = job == null || job.queueId() == null ? null : state.queueOf(job);
        ClassificationPolicy classification = job == null || job.classificationPolicyId() == null ? null
                : state.classificationPolicies.get(job.classificationPolicyId());
        return new Decision(command, tx.now(), job, worker, offer, queue, state.policyOf(queue), classification);
    }

    /**
     * @return an instant the rules chose (the latest release or retry time), when it lies in the
     *     router's range
     * @throws RouterException CONFLICT naming the rule that chose it when it lies after {@link RouterTime#LATEST}
     */
    static Instant chosenInstant(Verdict verdict, Instant chosen, String what) {
        if (!chosen.isAfter(RouterTime.LATEST)) {
            return chosen;
        }
        String rule = null;
        for (RuleEffect entry : verdict.effects()) {
            Effect effect = entry.effect();
            Instant at = effect instanceof ReleaseCapacityAt release ? release.at()
                    : effect instanceof RetryOfferAt retry ? retry.at() : null;
            if (chosen.equals(at)) {
                rule = entry.rule();
            }
        }
        throw new RouterException(ErrorCode.CONFLICT, "rule \"" + rule + "\" chose the " + what + " " + chosen
                + ", after the latest the router accepts, " + RouterTime.LATEST, rule, null);
    }

    private static void refuseIfRefused(Verdict verdict, Supplier<String> subject) {
        if (!verdict.refused()) {
            return;
        }
        RuleEffect first = verdict.refusals().get(0);
        String reasons = verdict.refusals().stream()
                .map(r -> ((Refusal) r.effect()).reason() + " (rule \"" + r.rule() + "\")")
                .collect(Collectors.joining("; "));
        throw new RouterException(ErrorCode.CONFLICT, subject.get() + "; " + reasons, first.rule(), null);
    }
}
