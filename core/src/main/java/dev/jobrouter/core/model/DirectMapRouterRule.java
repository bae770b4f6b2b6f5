package dev.jobrouter.core.model;

/** In a rule-engine selector attachment: one {@code EQUAL} selector per job label. */
public record DirectMapRouterRule() implements RouterRule {}
