package dev.jobrouter.rules.internal;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedSet;
import dev.jobrouter.core.ErrorCode;
import dev.jobrouter.core.RouterException;
import dev.jobrouter.core.rules.TransitionRules;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.drools.base.definitions.InternalKnowledgePackage;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.compiler.builder.impl.KnowledgeBuilderImpl;
import org.drools.core.impl.InternalRuleBase;
import org.drools.core.impl.RuleBaseFactory;
import org.drools.io.ByteArrayResource;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.KieBase;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.KieServices;
import org.kie.api.definition.rule.Rule;
import org.kie.api.io.Resource;
import org.kie.api.io.ResourceType;
import org.kie.api.runtime.KieSessionConfiguration;
import org.kie.api.runtime.conf.ThreadSafeOption;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderError;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.conf.IndexLeftBetaMemoryOption;
import org.kie.internal.conf.IndexRightBetaMemoryOption;

/**
 * The built-in rules together with a user's DRL. The built-in rules come precompiled (see
 * {@link BuiltInRules}); user DRL is compiled here, which takes from a tenth of a second to over a
 * second for the first DRL in a JVM. So a rule base is made once per distinct set of sources and
 * shared: it is thread-safe, and each router takes its own session from it with
 * {@link #newSession(Set)}.
 *
 * <p>DRL is code with the JVM's rights: there is no sandbox, so rule authors must be trusted.
 */
public final class RuleBase {
    /**
     * A system property for measurements only: the decisions a rule session makes before it is
     * renewed (default {@value DroolsTransitionRules#RENEW_AFTER}); the bench's steady-state footprint
     * sets it very high to show what an unrenewed session keeps.
     */
    public static final String RENEW_PROPERTY = "jobrouter.rules.renewSessionsAfter";

    /** The package of the built-in rules, reserved: user DRL declares its own. */
    public static final String BUILT_IN_PACKAGE = "dev.jobrouter.rules";

    private static final Cache<List<DrlSource>, RuleBase> COMPILED = CacheBuilder.newBuilder().maximumSize(32).build();

    private final KieBase kieBase;
    private final DecisionPlans plans;
    private final Set<String> optionalRules;

    private RuleBase(List<InternalKnowledgePackage> packages) {
        this.kieBase = newNetwork(packages);
        this.plans = new DecisionPlans(kieBase, keep -> {
            KieBase only = newNetwork(packages);
            only.getKiePackages().forEach(kiePackage -> kiePackage.getRules().stream()
                    .filter(rule -> !keep.contains(DecisionPlans.RuleKey.of(rule)))
                    .toList()
                    .forEach(rule -> only.removeRule(rule.getPackageName(), rule.getName())));
            return only;
        });
        this.optionalRules = kieBase.getKiePackage(BUILT_IN_PACKAGE).getRules().stream()
                .filter(rule -> Boolean.TRUE.equals(rule.getMetaData().get("optional")))
                .map(Rule::getName)
                .collect(ImmutableSortedSet.toImmutableSortedSet(String::compareTo));
    }

    /**
     * A rule network for decision sessions. Their beta memories hold one decision's facts, one per
     * class, so indexing them costs a hash per fact and finds nothing a scan would not: unindexed, a
     * lifecycle's decisions ran about 5% faster (ratio to the Java baseline 0.324 -> 0.341, medians of
     * four JVMs each).
     */
    private static KieBase newNetwork(List<InternalKnowledgePackage> packages) {
        KieBaseConfiguration configuration = KieServices.Factory.get().newKieBaseConfiguration();
        configuration.setOption(IndexLeftBetaMemoryOption.NO);
        configuration.setOption(IndexRightBetaMemoryOption.NO);
        // What KnowledgeBuilder.newKieBase() does, with a configuration; a network takes copies of
        // packages other networks use, so removing rules from one leaves the others whole.
        InternalRuleBase ruleBase = RuleBaseFactory.newRuleBase(configuration);
        ruleBase.addPackages(packages);
        return KnowledgeBaseFactory.newKnowledgeBase(ruleBase);
    }

    /**
     * Returns the built-in rules compiled with the given user DRL, compiling only the first time a set
     * of sources is seen.
     *
     * @param userSources extra DRL, each in a package other than {@value #BUILT_IN_PACKAGE}
     * @throws RouterException RULES_INVALID naming the source, line and message of each error
     */
    public static RuleBase of(List<DrlSource> userSources) {
        List<DrlSource> key = ImmutableList.copyOf(userSources);
        try {
            return COMPILED.get(key, () -> compile(key));
        } catch (ExecutionException | com.google.common.util.concurrent.UncheckedExecutionException e) {
            if (e.getCause() instanceof RouterException routerException) {
                throw routerException;
            }
            throw new IllegalStateException("compiling rules failed", e.getCause());
        }
    }

    private static RuleBase compile(List<DrlSource> userSources) {
        List<InternalKnowledgePackage> packages = new ArrayList<>(BuiltInRules.packages().packages());
        if (!userSources.isEmpty()) {
            List<InternalKnowledgePackage> user = compilePackages(userSources);
            refuseReservedPackage(user);
            packages.addAll(user);
        }
        return new RuleBase(packages);
    }

    /**
     * Checks the package the compiler read, not the text: a comment before the package line or an
     * import on the same line cannot slip a rule into the built-in package, where its name could
     * replace a built-in guard.
     */
    private static void refuseReservedPackage(List<InternalKnowledgePackage> user) {
        for (InternalKnowledgePackage compiled : user) {
            if (BUILT_IN_PACKAGE.equals(compiled.getName())) {
                String sources = compiled.getRules().stream()
                        .map(rule -> ((RuleImpl) rule).getResource() == null ? "?"
                                : ((RuleImpl) rule).getResource().getSourcePath())
                        .distinct().sorted().collect(Collectors.joining(", "));
                throw new RouterException(ErrorCode.RULES_INVALID, "rules" + (sources.isEmpty() ? "" : " in " + sources)
                        + " declare package " + BUILT_IN_PACKAGE + ", which is reserved for the built-in rules; "
                        + "use a package of your own");
            }
        }
    }

    /**
     * @return the packages of the given DRL
     * @throws RouterException RULES_INVALID naming the source, line and message of each error
     */
    static List<InternalKnowledgePackage> compilePackages(List<DrlSource> sources) {
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder(
                KnowledgeBuilderFactory.newKnowledgeBuilderConfiguration(null, RuleBase.class.getClassLoader()));
        for (DrlSource source : sources) {
            // The encoding is named: without it Drools decodes the bytes in the JVM's default charset,
            // and under LANG=C a rule's non-ASCII names and literals silently came out different.
            Resource resource = new ByteArrayResource(source.drl().getBytes(StandardCharsets.UTF_8),
                    StandardCharsets.UTF_8.name());
            resource.setSourcePath(source.name());
            builder.add(resource, ResourceType.DRL);
        }
        if (builder.hasErrors()) {
            String errors = builder.getErrors().stream().map(RuleBase::describe).collect(Collectors.joining("; "));
            throw new RouterException(ErrorCode.RULES_INVALID, "rules do not compile: " + errors);
        }
        return List.of(((KnowledgeBuilderImpl) builder).getPackages());
    }

    private static String describe(KnowledgeBuilderError error) {
        String where = error.getResource() == null ? "(unknown source)" : error.getResource().getSourcePath();
        int[] lines = error.getLines();
        String line = lines.length > 0 && lines[0] > 0 ? " line " + lines[0] : "";
        return where + line + ": " + error.getMessage().strip();
    }

    /** @return every rule, built-in and user, in one network */
    KieBase kieBase() {
        return kieBase;
    }

    /** @return the per-command plans of this rule base; shared by every session it makes */
    DecisionPlans plans() {
        return plans;
    }

    /** @return the names of the built-in rules that {@link #newSession(Set)} may switch off */
    public Set<String> optionalRules() {
        return optionalRules;
    }

    /**
     * @return the facts a session of this library holds beyond its last decisions' own (one per fact
     *     class of each decision): facts that rules inserted and a decision failed to remove. Zero
     *     unless something leaks; 0 as well for sessions of other implementations. For tests; call it
     *     where the session's engine is not deciding (under the host's lock).
     */
    public static long strayFacts(TransitionRules session) {
        return session instanceof DroolsTransitionRules drools ? drools.factCount() - drools.residentFactCount() : 0;
    }

    /**
     * @param disabledRules built-in optional rules to switch off
     * @return a new rule session for one router; not thread-safe, the engine calls it under its lock
     * @throws RouterException INVALID_ARGUMENT when a name is not an optional built-in rule
     */
    public TransitionRules newSession(Set<String> disabledRules) {
        for (String name : disabledRules) {
            if (!optionalRules.contains(name)) {
                throw RouterException.invalid("rule \"" + name + "\" cannot be switched off; the built-in rules that "
                        + "can are " + optionalRules);
            }
        }
        // The engine calls its session under its own lock, one decision at a time, so the session can
        // skip Drools' internal synchronisation: a fifth or so of the cost of a decision.
        KieSessionConfiguration single = KieServices.Factory.get().newKieSessionConfiguration();
        single.setOption(ThreadSafeOption.NO);
        return new DroolsTransitionRules(plans, single, Set.copyOf(disabledRules),
                Integer.getInteger(RENEW_PROPERTY, DroolsTransitionRules.RENEW_AFTER));
    }
}
