package dev.jobrouter.core.model;

/** How a classification policy derives the worker selectors it attaches to a job. */
public sealed interface WorkerSelectorAttachment permits StaticWorkerSelectorAttachment,
        ConditionalWorkerSelectorAttachment, PassThroughWorkerSelectorAttachment, RuleEngineWorkerSelectorAttachment,
        WeightedAllocationWorkerSelectorAttachment {}
