package dev.jobrouter.core.model;

/** @param rule returns a collection of {@link RouterQueueSelector}s; {@link DirectMapRouterRule} maps every job label */
public record RuleEngineQueueSelectorAttachment(RouterRule rule) implements QueueSelectorAttachment {}
