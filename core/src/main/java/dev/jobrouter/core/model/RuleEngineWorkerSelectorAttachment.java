package dev.jobrouter.core.model;

/** @param rule returns a collection of {@link RouterWorkerSelector}s; {@link DirectMapRouterRule} maps every job label */
public record RuleEngineWorkerSelectorAttachment(RouterRule rule) implements WorkerSelectorAttachment {}
