package dev.jobrouter.core.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One rule of an exception policy: when its trigger fires for a job, its actions run, in order.
 *
 * @param id the rule's id, unique within its policy
 * @param trigger when it fires
 * @param actions what it does; at least one
 */
public record ExceptionRule(String id, ExceptionTrigger trigger, List<ExceptionAction> actions) {
    /**
     * The canonical constructor: checks the components and keeps immutable copies of collections.
     *
     * @param id the rule's id, unique within its policy
     * @param trigger when it fires
     * @param actions what it does; at least one
     *     /
     */
    public ExceptionRule {
        actions = actions == null ? null : Collections.unmodifiableList(new ArrayList<>(actions));
    }
}
