package dev.jobrouter.core.rules;

/**
 * Inserted by a rule to refuse the transition being decided:
 * {@code insert(new Refusal("completeJob needs ASSIGNED"))}. The router records which rule inserted it
 * and names that rule in the error.
 *
 * @param reason what the transition needs, in words
 */
public record Refusal(String reason) implements Effect {}
