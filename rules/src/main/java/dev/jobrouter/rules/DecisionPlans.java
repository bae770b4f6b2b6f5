package dev.jobrouter.rules;

import dev.jobrouter.core.command.Command;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
     */
    record Plan(KieBase kieBase, Set<Class<?>> factTypes) {

        boolean anyRule() {
            return kieBase != null;
        }

        /** @return whether some rule that can fire has a pattern that facts of this class can match */
        boolean sees(Class<?> factClass) {
            for (Class<?> type : factTypes) {
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

    /** @return the plan for the command type; the first call for a type builds its rule network */
    Plan planFor(Class<? extends Command> commandType) {
        Plan plan = plans.get(commandType);
        return plan != null ? plan : buildPlan(commandType);
    }

    /** Builds one plan at a time: cutting down a rule base copy is not meant to run concurrently. */
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
        KieBase kieBase = firing.isEmpty() ? null : firing.size() == shapes.size() ? all
                : networkOf.apply(firing.stream().map(Shape::rule).collect(Collectors.toSet()));
        Plan plan = new Plan(kieBase, Set.copyOf(factTypes));
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
