package dev.jobrouter.rules.internal;

import dev.jobrouter.core.command.Command;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.drools.base.base.ClassObjectType;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.rule.GroupElement;
import org.drools.base.rule.Pattern;
import org.drools.base.rule.RuleConditionElement;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What each kind of command needs from a rule base, worked out once from the rules' conditions.
 *
 * <p>A decision holds exactly one command, so a rule that requires a command of another type (a
 * top-level pattern {@code CompleteJob(...)} when the command is a {@code CloseJob}) cannot fire,
 * and a fact of a type that no rule that can fire mentions cannot be matched. The plan for a command
 * type holds a rule network of only the rules that can fire on it, and the fact types those rules
 * mention; the session inserts only facts of those types, and the rule engine is skipped altogether
 * when no rule can fire. What the rules decide is unchanged: a left-out rule could not fire, a
 * left-out fact could match no pattern. Every insert and delete costs a session a quarter of a
 * microsecond and more for each rule whose network the fact enters, which is why this matters.
 */
final class DecisionPlans {

    /**
     * The plan for one command type.
     *
     * @param kieBase the rules that can fire on the command, or {@code null} when none can
     * @param factTypes the types those rules' patterns name
     * @param provisional whether {@code kieBase} holds every rule while the cut-down network is built
     */
    record Plan(KieBase kieBase, List<Class<?>> factTypes, boolean provisional) {

        boolean anyRule() {
            return kieBase != null;
        }

        /** @return whether some rule that can fire has a pattern that facts of this class can match */
        boolean sees(Class<?> factClass) {
            for (int i = 0; i < factTypes.size(); i++) {
                Class<?> type = factTypes.get(i);
                if (type.isAssignableFrom(factClass)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** A rule by package and name, the same in every rule base compiled from the same sources. */
    record RuleKey(String packageName, String name) {

        static RuleKey of(Rule rule) {
            return new RuleKey(rule.getPackageName(), rule.getName());
        }
    }

    /** What one rule's conditions say: the command types it requires and every fact type it mentions. */
    private record Shape(RuleKey rule, Set<Class<?>> requiredCommands, Set<Class<?>> factTypes) {

        boolean canFireOn(Class<?> commandType) {
            for (Class<?> required : requiredCommands) {
                if (!required.isAssignableFrom(commandType)) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * Builds the cut-down networks off the deciding thread. One daemon thread for every rule base:
     * builds are rare (one per command type and rule base) and a cold one takes 50 to 150 ms, which a
     * router's first decisions should not wait for.
     */
    static final ExecutorService NETWORKS = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "jobrouter-rule-networks");
        thread.setDaemon(true);
        return thread;
    });
    private static final Logger log = LoggerFactory.getLogger(DecisionPlans.class);

    private final KieBase all;
    private final Function<Set<RuleKey>, KieBase> networkOf;
    private final List<Shape> shapes = new ArrayList<>();
    private final Map<Class<?>, Plan> plans = new ConcurrentHashMap<>();

    /**
     * @param all every rule
     * @param networkOf builds a rule base of only the given rules of {@code all}
     */
    DecisionPlans(KieBase all, Function<Set<RuleKey>, KieBase> networkOf) {
        this.all = all;
        this.networkOf = networkOf;
        for (KiePackage kiePackage : all.getKiePackages()) {
            for (Rule rule : kiePackage.getRules()) {
                if (rule instanceof RuleImpl impl && !impl.isQuery()) {
                    shapes.add(shapeOf(impl));
                }
            }
        }
    }

    /**
     * @return the plan for the command type. The first call for a type that needs a network of its own
     *     returns a provisional plan on the full network, which decides the same (the rules that cannot
     *     fire stay silent), and has the cut-down network built in the background; later calls get it.
     */
    Plan planFor(Class<? extends Command> commandType) {
        Plan plan = plans.get(commandType);
        return plan != null ? plan : buildPlan(commandType);
    }

    /** Waits until every network asked for so far is built; for tests. */
    void awaitNetworks() throws InterruptedException, ExecutionException {
        NETWORKS.submit(() -> { }).get();
    }

    private synchronized Plan buildPlan(Class<?> commandType) {
        Plan built = plans.get(commandType);
        if (built != null) {
            return built;
        }
        List<Shape> firing = new ArrayList<>();
        Set<Class<?>> factTypes = new LinkedHashSet<>();
        for (Shape shape : shapes) {
            if (shape.canFireOn(commandType)) {
                firing.add(shape);
                factTypes.addAll(shape.factTypes());
            }
        }
        List<Class<?>> types = List.copyOf(factTypes);
        Plan plan;
        if (firing.isEmpty()) {
            plan = new Plan(null, types, false);
        } else if (firing.size() == shapes.size()) {
            plan = new Plan(all, types, false);
        } else {
            plan = new Plan(all, types, true);
            Set<RuleKey> keep = firing.stream().map(Shape::rule).collect(Collectors.toSet());
            NETWORKS.execute(() -> {
                try {
                    plans.put(commandType, new Plan(networkOf.apply(keep), types, false));
                } catch (RuntimeException e) {
                    log.warn("building the rule network for {} failed; it keeps deciding on every rule", commandType, e);
                }
            });
        }
        plans.put(commandType, plan);
        return plan;
    }

    private static Shape shapeOf(RuleImpl rule) {
        Set<Class<?>> required = new LinkedHashSet<>();
        GroupElement lhs = rule.getLhs();
        if (lhs.isAnd()) {
            for (RuleConditionElement element : lhs.getChildren()) {
                // Only a plain top-level pattern must match for the rule to fire; not, exists, or, from
                // and accumulate make no such promise.
                if (element instanceof Pattern pattern && pattern.getSource() == null
                        && pattern.getObjectType() instanceof ClassObjectType type
                        && Command.class.isAssignableFrom(type.getClassType())) {
                    required.add(type.getClassType());
                }
            }
        }
        Set<Class<?>> factTypes = new LinkedHashSet<>();
        collectFactTypes(lhs, factTypes, Collections.newSetFromMap(new IdentityHashMap<>()));
        return new Shape(RuleKey.of(rule), Set.copyOf(required), Set.copyOf(factTypes));
    }

    private static void collectFactTypes(RuleConditionElement element, Set<Class<?>> types,
            Set<RuleConditionElement> seen) {
        if (element == null || !seen.add(element)) {
            return;
        }
        if (element instanceof Pattern pattern) {
            // A pattern on a type this analysis cannot name could match anything: keep every fact.
            types.add(pattern.getObjectType() instanceof ClassObjectType type ? type.getClassType() : Object.class);
            collectFactTypes(pattern.getSource(), types, seen);
        }
        for (RuleConditionElement nested : element.getNestedElements()) {
            collectFactTypes(nested, types, seen);
        }
    }
}
