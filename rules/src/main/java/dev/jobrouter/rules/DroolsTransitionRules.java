package dev.jobrouter.rules;

import dev.jobrouter.core.ErrorCode;
import dev.jobrouter.core.RouterException;
import dev.jobrouter.core.command.Command;
import dev.jobrouter.core.rules.Decision;
import dev.jobrouter.core.rules.FollowUp;
import dev.jobrouter.core.rules.Now;
import dev.jobrouter.core.rules.Refusal;
import dev.jobrouter.core.rules.ReleaseCapacityAt;
import dev.jobrouter.core.rules.RetryOfferAt;
import dev.jobrouter.core.rules.RuleRefusal;
import dev.jobrouter.core.rules.TransitionRules;
import dev.jobrouter.core.rules.Verdict;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kie.api.KieBase;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionConfiguration;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.rule.AgendaFilter;
import org.kie.api.runtime.rule.ConsequenceException;
import org.kie.api.runtime.rule.FactHandle;
import org.kie.api.runtime.rule.Match;

/**
 * Long-lived Drools sessions deciding one transition at a time: insert the command and the snapshots
 * it touches, fire, collect the verdict facts the rules inserted, delete everything. There is one
 * session per command type's rule network (see {@link DecisionPlans}), made on first use. Sessions
 * hold no facts between decisions, so nothing in them can drift from the router's state, and the
 * facts are immutable records, so rules cannot change router state behind the engine's back.
 */
final class DroolsTransitionRules implements TransitionRules {
    /** Firings allowed per decision; more means a rule loops. */
    static final int MAX_FIRINGS = 10_000;

    private final DecisionPlans plans;
    private final KieSessionConfiguration configuration;
    private final Map<KieBase, KieSession> sessions = new IdentityHashMap<>();
    private final Set<String> disabledRules;
    /** Lets every match fire but the disabled rules', noting the last one let through for loop reports. */
    private final AgendaFilter filter = this::mayFire;
    /** The plans this session has used, by command type: a lookup cheaper than the shared map's. */
    private final Map<Class<?>, DecisionPlans.Plan> knownPlans = new IdentityHashMap<>();
    private final List<FactHandle> handles = new ArrayList<>();
    private final VerdictCollector collector = new VerdictCollector();
    private KieSession session;
    private String lastFiredRule;

    DroolsTransitionRules(DecisionPlans plans, KieSessionConfiguration configuration, Set<String> disabledRules) {
        this.plans = plans;
        this.configuration = configuration;
        this.disabledRules = disabledRules;
    }

    @Override
    public Verdict decide(Decision decision) {
        Command command = decision.command();
        DecisionPlans.Plan plan = knownPlans.get(command.getClass());
        if (plan == null || plan.provisional()) {
            plan = plans.planFor(command.getClass());
            knownPlans.put(command.getClass(), plan);
        }
        if (!plan.anyRule()) {
            return Verdict.ALLOW;
        }
        session = sessionFor(plan.kieBase());
        collector.reset();
        lastFiredRule = null;
        try {
            if (plan.sees(Now.class)) {
                insert(new Now(decision.now()));
            }
            insert(plan, decision.job());
            insert(plan, decision.worker());
            insert(plan, decision.offer());
            insert(plan, command);
            int fired = session.fireAllRules(filter, MAX_FIRINGS);
            if (fired >= MAX_FIRINGS) {
                throw new RouterException(ErrorCode.CONFLICT, "rules fired " + fired + " times deciding " + command
                        + "; rule \"" + lastFiredRule + "\" seems to loop", lastFiredRule, null);
            }
            return collector.verdict();
        } catch (ConsequenceException e) {
            String rule = e.getMatch().getRule().getName();
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new RouterException(ErrorCode.CONFLICT, "rule \"" + rule + "\" failed deciding " + command + ": "
                    + cause, rule, cause);
        } catch (RouterException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new RouterException(ErrorCode.CONFLICT, "a rule condition failed deciding " + command + ": " + e,
                    null, e);
        } finally {
            for (FactHandle handle : handles) {
                session.delete(handle);
            }
            handles.clear();
        }
    }

    private void insert(Object fact) {
        handles.add(session.insert(fact));
    }

    private void insert(DecisionPlans.Plan plan, Object fact) {
        if (fact != null && plan.sees(fact.getClass())) {
            insert(fact);
        }
    }

    private boolean mayFire(Match match) {
        Rule rule = match.getRule();
        if (!disabledRules.isEmpty() && disabledRules.contains(rule.getName())
                && RuleBase.BUILT_IN_PACKAGE.equals(rule.getPackageName())) {
            return false;
        }
        lastFiredRule = rule.getName();
        return true;
    }

    private KieSession sessionFor(KieBase kieBase) {
        KieSession existing = sessions.get(kieBase);
        if (existing != null) {
            return existing;
        }
        KieSession created = kieBase.newKieSession(configuration, null);
        created.addEventListener(collector);
        sessions.put(kieBase, created);
        return created;
    }

    /** @return the facts left in the sessions; always 0 between decisions */
    long factCount() {
        return sessions.values().stream().mapToLong(KieSession::getFactCount).sum();
    }

    /** @return how many sessions decisions have needed so far: one per distinct rule network */
    int sessionCount() {
        return sessions.size();
    }

    @Override
    public void close() {
        sessions.values().forEach(KieSession::dispose);
        sessions.clear();
    }

    /** Collects the verdict facts rules insert, with the name of the rule that inserted each. */
    private final class VerdictCollector extends DefaultRuleRuntimeEventListener {
        private final List<RuleRefusal> refusals = new ArrayList<>();
        private final List<Command> followUps = new ArrayList<>();
        private Instant releaseAt;
        private Instant retryOfferAt;

        void reset() {
            refusals.clear();
            followUps.clear();
            releaseAt = null;
            retryOfferAt = null;
        }

        Verdict verdict() {
            if (refusals.isEmpty() && followUps.isEmpty() && releaseAt == null && retryOfferAt == null) {
                return Verdict.ALLOW;
            }
            return new Verdict(refusals, releaseAt, retryOfferAt, followUps);
        }

        @Override
        public void objectInserted(ObjectInsertedEvent event) {
            if (event.getRule() == null) {
                return;
            }
            // Facts a rule inserts are deleted with the decision's own.
            handles.add(event.getFactHandle());
            Object fact = event.getObject();
            if (fact instanceof Refusal refusal) {
                refusals.add(new RuleRefusal(event.getRule().getName(), refusal.reason()));
            } else if (fact instanceof ReleaseCapacityAt release) {
                releaseAt = latest(releaseAt, release.at());
            } else if (fact instanceof RetryOfferAt retry) {
                retryOfferAt = latest(retryOfferAt, retry.at());
            } else if (fact instanceof FollowUp followUp) {
                followUps.add(followUp.command());
            }
        }

        private static Instant latest(Instant current, Instant candidate) {
            return current == null || (candidate != null && candidate.isAfter(current)) ? candidate : current;
        }
    }
}
