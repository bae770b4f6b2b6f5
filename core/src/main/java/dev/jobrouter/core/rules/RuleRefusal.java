package dev.jobrouter.core.rules;

/**
 * A refusal together with the rule that inserted it.
 *
 * @param rule the rule's name, or {@code null} when inserted outside a rule
 * @param reason what the transition needs
 */
public record RuleRefusal(String rule, String reason) {}
