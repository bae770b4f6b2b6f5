package dev.jobrouter;

import dev.jobrouter.core.command.UpsertExceptionPolicy;
import dev.jobrouter.core.internal.host.LocalHost;
import dev.jobrouter.core.model.ExceptionAction;
import dev.jobrouter.core.model.ExceptionPolicy;
import dev.jobrouter.core.model.ExceptionRule;
import dev.jobrouter.core.model.ExceptionTrigger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Defines or changes an exception policy; a queue names it with {@code router.queue(id).exceptionPolicy(..)}.
 * {@code rule(..)} adds to the list this upsert sets, {@code rules(..)} sets it, and {@code rules()}
 * clears it; without either the stored rules stay.
 *
 * <pre>{@code
 * router.exceptionPolicy("escalate").name("Escalation")
 *       .rule("overflow", new QueueLengthExceptionTrigger(10),
 *           new ManualReclassifyExceptionAction("backup", 10, List.of(RouterWorkerSelector.equal("Overflow", true))))
 *       .rule("slow", new WaitTimeExceptionTrigger(Duration.ofMinutes(5)),
 *           new ReclassifyExceptionAction("cp", Map.of("Escalated", true)))
 *       .upsert();
 * }</pre>
 */
public final class ExceptionPolicyDefinition {
    private final LocalHost host;
    private final String id;
    private String ifMatch;
    private String name;
    private List<ExceptionRule> rules;

    ExceptionPolicyDefinition(LocalHost host, String id) {
        this.host = host;
        this.id = id;
    }

    /**
     * A display name.
     *
     * @param name a display name
     * @return this definition, for chaining
     */
    public ExceptionPolicyDefinition name(String name) {
        this.name = Arguments.required("name", name);
        return this;
    }

    /**
     * Adds a rule to the list this upsert sets: when the trigger fires for a job, the actions run in order.
     *
     * @param ruleId the rule's id
     * @param trigger the trigger
     * @param actions the actions
     * @return this definition, for chaining
     */
    public ExceptionPolicyDefinition rule(String ruleId, ExceptionTrigger trigger, ExceptionAction... actions) {
        if (rules == null) {
            rules = new ArrayList<>();
        }
        rules.add(new ExceptionRule(ruleId, trigger, Arrays.asList(Arguments.required("actions", actions))));
        return this;
    }

    /**
     * Sets the rules; with no arguments, clears them.
     *
     * @param rules the exception rules
     * @return this definition, for chaining
     */
    public ExceptionPolicyDefinition rules(ExceptionRule... rules) {
        this.rules = new ArrayList<>(Arrays.asList(Arguments.required("rules", rules)));
        return this;
    }

    /**
     * Makes the upsert conditional: it runs only when the stored policy still has this etag, read from its
     * {@code etag()}; otherwise, or when the policy does not exist, it fails with PRECONDITION_FAILED and
     * changes nothing.
     *
     * @param etag the etag the entity must still have
     * @return this definition, for chaining
     */
    public ExceptionPolicyDefinition ifMatch(String etag) {
        this.ifMatch = Arguments.required("etag", etag);
        return this;
    }

    /**
     * Creates or changes the policy. Jobs already queued keep the wait-time timer they have.
     *
     * @return the policy as stored
     * @throws dev.jobrouter.core.RouterException INVALID_ARGUMENT for a rule without id, trigger or action, two
     *     rules with one id, a threshold that is not positive, or a queue or classification policy that does not exist
     */
    public ExceptionPolicy upsert() {
        return host.execute(Guarded.upsert(ifMatch, new UpsertExceptionPolicy(id, name, rules)));
    }
}
