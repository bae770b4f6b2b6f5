package dev.jobrouter.rules.internal;

import dev.jobrouter.core.ErrorCode;
import dev.jobrouter.core.RouterException;
import dev.jobrouter.core.command.Command;
import dev.jobrouter.core.rules.Decision;
import dev.jobrouter.core.rules.Effect;
import dev.jobrouter.core.rules.Now;
import dev.jobrouter.core.rules.RuleEffect;
import dev.jobrouter.core.rules.TransitionRules;
import dev.jobrouter.core.rules.Verdict;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kie.api.KieBase;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionConfiguration;
import org.kie.api.runtime.rule.AgendaFilter;
import org.kie.api.runtime.rule.ConsequenceException;
import org.kie.api.runtime.rule.FactHandle;
import org.kie.api.runtime.rule.Match;

/**
 * Long-lived Drools sessions deciding one transition at a time. There is one session per command
 * type's rule network (see {@link DecisionPlans}), made on first use. A decision puts the command and
 * the snapshots it touches into the session, fires, and collects the verdict facts the rules
 * inserted; the verdict facts are deleted again at once.
 *
 * <p>The decision's own facts stay in the session until the next decision replaces them, one fact per
 * class, each held by the same fact handle: updating a handle costs Drools less than deleting a fact
 * and inserting the next (a lifecycle's five decisions ran 15% faster). A class the next decision does
 * not bring is deleted, so rules always see exactly the current decision's facts, all of them new to
 * the rules: the update marks every property changed. A decision that fails (a condition or
 * consequence throws, a rule loops) throws its session away, so nothing of it reaches the next. The
 * facts are immutable records, so rules cannot change router state behind the engine's back.
 *
 * <p>The verdict lists the {@link Effect}s rules inserted, each with its rule, and the rules that fired.
 * A rule that inserts another of this library's types (a command, a model record, a {@link Now})
 * refuses the decision: the engine would not apply it, and dropping it without a word would hide a
 * mistake. Facts of the rule author's own types are theirs, for chaining, and go with the decision.
 */
final class DroolsTransitionRules implements TransitionRules {
    /** Firings allowed per decision; more means a rule loops. */
    static final int MAX_FIRINGS = 10_000;
    /**
     * Decisions a session makes before it is replaced by a fresh one. Drools 10.2 keeps a match of a
     * rule that fired (a terminal-node tuple and its propagation context, about 200 bytes) after the
     * fact it matched was updated so that it no longer matches: a router whose closes alternate with
     * and without a close time grew without bound. Renewing the session drops whatever a session
     * keeps, for built-in and user rules alike, for about 15 us once per this many decisions.
     */
    static final int RENEW_AFTER = 10_000;
    /** Drools names the rule of a failed constraint in its message: {@code ... in [Rule "name" in file.drl]}. */
    private static final Pattern RULE_IN_MESSAGE = Pattern.compile("Rule \"([^\"]+)\"");
    /** The packages of this library's own types, which rules may read but insert only as effects. */
    private static final String LIBRARY_PACKAGES = "dev.jobrouter.core.";

    private final DecisionPlans plans;
    private final KieSessionConfiguration configuration;
    private final Map<KieBase, DecisionSession> sessions = new IdentityHashMap<>();
    private final Set<String> disabledRules;
    private final int renewAfter;
    /** Lets every match fire but the disabled rules', noting the last one let through for loop reports. */
    private final AgendaFilter filter = this::mayFire;
    /** The plans this session has used, by command type: a lookup cheaper than the shared map's. */
    private final Map<Class<?>, DecisionPlans.Plan> knownPlans = new IdentityHashMap<>();
    /** The verdict facts rules inserted during the current decision. */
    private final List<FactHandle> verdictHandles = new ArrayList<>();
    private final VerdictCollector collector = new VerdictCollector();
    /** The rules that fired in the current decision, in order. */
    private final List<String> firedRules = new ArrayList<>();
    private String lastFiredRule;

    DroolsTransitionRules(DecisionPlans plans, KieSessionConfiguration configuration, Set<String> disabledRules) {
        this(plans, configuration, disabledRules, RENEW_AFTER);
    }

    /** @param renewAfter decisions a session makes before a fresh one replaces it */
    DroolsTransitionRules(DecisionPlans plans, KieSessionConfiguration configuration, Set<String> disabledRules,
            int renewAfter) {
        this.plans = plans;
        this.configuration = configuration;
        this.disabledRules = disabledRules;
        this.renewAfter = renewAfter;
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
        DecisionSession session = sessionFor(plan.kieBase());
        collector.reset();
        firedRules.clear();
        lastFiredRule = null;
        boolean decided = false;
        try {
            session.begin();
            if (plan.sees(Now.class)) {
                session.put(new Now(decision.now()));
            }
            session.put(plan, decision.job());
            session.put(plan, decision.worker());
            session.put(plan, decision.offer());
            session.put(plan, decision.queue());
            session.put(plan, decision.policy());
            session.put(plan, decision.classificationPolicy());
            session.put(plan, command);
            session.dropFactsNotPut();
            int fired = session.kieSession.fireAllRules(filter, MAX_FIRINGS);
            if (fired >= MAX_FIRINGS) {
                throw new RouterException(ErrorCode.CONFLICT, "rules fired " + fired + " times deciding " + command
                        + "; rule \"" + lastFiredRule + "\" seems to loop", lastFiredRule, null);
            }
            collector.refuseForeignFacts(command);
            Verdict verdict = collector.verdict(firedRules);
            decided = true;
            return verdict;
        } catch (ConsequenceException e) {
            String rule = e.getMatch().getRule().getName();
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new RouterException(ErrorCode.CONFLICT, "rule \"" + rule + "\" failed deciding " + command + ": "
                    + cause, rule, cause);
        } catch (RouterException e) {
            throw e;
        } catch (RuntimeException e) {
            String rule = ruleNamedIn(e);
            throw new RouterException(ErrorCode.CONFLICT, (rule == null ? "a rule condition" : "a condition of rule \""
                    + rule + "\"") + " failed deciding " + command + ": " + e, rule, e);
        } catch (StackOverflowError | AssertionError | LinkageError e) {
            // Drools wraps a consequence's exceptions, not its errors. These few say the rule is wrong, not
            // the JVM; other errors (out of memory) are the JVM's and go up as they are.
            String rule = inConsequence(e) ? lastFiredRule : ruleNamedIn(e);
            if (rule == null && e instanceof StackOverflowError) {
                rule = lastFiredRule;   // its trace keeps only the deepest frames, so the consequence's may be cut off
            }
            throw new RouterException(ErrorCode.CONFLICT, "rule " + (rule == null ? "" : "\"" + rule + "\" ")
                    + "failed deciding " + command + ": " + e, rule, e);
        } finally {
            if (decided) {
                for (FactHandle handle : verdictHandles) {
                    session.kieSession.delete(handle);
                }
                if (++session.decisions >= renewAfter) {
                    sessions.remove(plan.kieBase());
                    session.kieSession.dispose();
                }
            } else {
                // A condition that throws leaves its fact half-propagated and unknown to the slots, and a
                // looping rule leaves what it inserted: the next decision gets a fresh session instead.
                sessions.remove(plan.kieBase());
                session.kieSession.dispose();
            }
            verdictHandles.clear();
        }
    }

    /** @return the rule a failure's messages name, or {@code null} */
    private static String ruleNamedIn(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null) {
                Matcher found = RULE_IN_MESSAGE.matcher(t.getMessage());
                if (found.find()) {
                    return found.group(1);
                }
            }
        }
        return null;
    }

    /** @return whether the error came out of a rule's consequence rather than a condition */
    private static boolean inConsequence(Throwable error) {
        for (StackTraceElement frame : error.getStackTrace()) {
            if (frame.getClassName().contains("Consequence") || frame.getMethodName().equals("fireConsequence")) {
                return true;
            }
        }
        return false;
    }

    private boolean mayFire(Match match) {
        Rule rule = match.getRule();
        if (!disabledRules.isEmpty() && disabledRules.contains(rule.getName())
                && RuleBase.BUILT_IN_PACKAGE.equals(rule.getPackageName())) {
            return false;
        }
        lastFiredRule = rule.getName();
        firedRules.add(lastFiredRule);
        return true;
    }

    private DecisionSession sessionFor(KieBase kieBase) {
        DecisionSession existing = sessions.get(kieBase);
        if (existing != null) {
            return existing;
        }
        KieSession created = kieBase.newKieSession(configuration, null);
        created.addEventListener(collector);
        DecisionSession session = new DecisionSession(created);
        sessions.put(kieBase, session);
        return session;
    }

    /** @return the facts in the sessions: between decisions, only the last decision of each session's */
    long factCount() {
        return sessions.values().stream().mapToLong(session -> session.kieSession.getFactCount()).sum();
    }

    /** @return the facts the sessions hold for their last decisions, one per class */
    long residentFactCount() {
        return sessions.values().stream().mapToLong(DecisionSession::size).sum();
    }

    /** @return how many sessions decisions have needed so far: one per distinct rule network */
    int sessionCount() {
        return sessions.size();
    }

    @Override
    public void close() {
        sessions.values().forEach(session -> session.kieSession.dispose());
        sessions.clear();
    }

    /**
     * A session and the handles of the facts it holds for the current decision, one per class. The
     * decision's facts are of distinct classes: a command, a job, a worker, an offer, a queue, a
     * policy, a classification policy, a {@link Now}.
     * So few that arrays searched in order beat any map.
     */
    private static final class DecisionSession {
        /**
         * The last decision's facts and the current one's, before those not put again are dropped: a
         * command, a job, a worker, an offer, a queue, a policy, a classification policy and a {@link Now}.
         */
        private static final int SLOTS = 2 * 8;

        final KieSession kieSession;
        /** Decisions made on it so far. */
        int decisions;
        private final Class<?>[] types = new Class<?>[SLOTS];
        private final FactHandle[] handles = new FactHandle[SLOTS];
        private final boolean[] put = new boolean[SLOTS];
        private int size;

        DecisionSession(KieSession kieSession) {
            this.kieSession = kieSession;
        }

        void begin() {
            Arrays.fill(put, false);
        }

        void put(DecisionPlans.Plan plan, Object fact) {
            if (fact != null && plan.sees(fact.getClass())) {
                put(fact);
            }
        }

        void put(Object fact) {
            Class<?> type = fact.getClass();
            for (int i = 0; i < size; i++) {
                if (types[i] == type) {
                    put[i] = true;
                    // Also right when a rule deleted the last decision's fact: Drools asserts it again.
                    kieSession.update(handles[i], fact);
                    return;
                }
            }
            types[size] = type;
            handles[size] = kieSession.insert(fact);
            put[size] = true;
            size++;
        }

        /** Deletes the facts of the classes the current decision did not put. */
        void dropFactsNotPut() {
            int kept = 0;
            for (int i = 0; i < size; i++) {
                if (put[i]) {
                    types[kept] = types[i];
                    handles[kept] = handles[i];
                    put[kept] = true;
                    kept++;
                } else {
                    kieSession.delete(handles[i]);
                }
            }
            Arrays.fill(types, kept, size, null);
            Arrays.fill(handles, kept, size, null);
            size = kept;
        }

        int size() {
            return size;
        }
    }

    /** Collects the effects rules insert, with the name of the rule that inserted each. */
    private final class VerdictCollector extends DefaultRuleRuntimeEventListener {
        private final List<RuleEffect> effects = new ArrayList<>();
        /** The first fact of a library type other than an effect that a rule inserted, and its rule. */
        private Object foreignFact;
        private String foreignRule;

        void reset() {
            effects.clear();
            foreignFact = null;
            foreignRule = null;
        }

        Verdict verdict(List<String> fired) {
            if (effects.isEmpty() && fired.isEmpty()) {
                return Verdict.ALLOW;
            }
            return new Verdict(effects, fired);
        }

        /** @throws RouterException CONFLICT when a rule inserted a library type that is not an effect */
        void refuseForeignFacts(Command command) {
            if (foreignFact != null) {
                throw new RouterException(ErrorCode.CONFLICT, "rule \"" + foreignRule + "\" inserted a "
                        + foreignFact.getClass().getSimpleName() + " deciding " + command + ", which the router does "
                        + "not apply: rules say what they decide by inserting Refusal, ReleaseCapacityAt, RetryOfferAt "
                        + "or FollowUp (dev.jobrouter.core.rules)", foreignRule, null);
            }
        }

        @Override
        public void objectInserted(ObjectInsertedEvent event) {
            if (event.getRule() == null) {
                return;
            }
            // Facts a rule inserts are deleted at the end of the decision.
            verdictHandles.add(event.getFactHandle());
            Object fact = event.getObject();
            if (fact instanceof Effect effect) {
                effects.add(new RuleEffect(event.getRule().getName(), effect));
            } else if (foreignFact == null && fact.getClass().getName().startsWith(LIBRARY_PACKAGES)) {
                foreignFact = fact;
                foreignRule = event.getRule().getName();
            }
        }
    }
}
