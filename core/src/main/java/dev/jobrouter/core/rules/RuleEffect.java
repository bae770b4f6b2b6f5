package dev.jobrouter.core.rules;

/**
 * An effect together with the rule that inserted it.
 *
 * @param rule the rule's name, or {@code null} when inserted outside a rule
 * @param effect what the rule said
 */
public record RuleEffect(String rule, Effect effect) {}
