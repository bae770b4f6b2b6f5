package dev.jobrouter.core.model;

/** How a classification policy derives queue selectors from a job. */
public sealed interface QueueSelectorAttachment permits StaticQueueSelectorAttachment,
        ConditionalQueueSelectorAttachment, PassThroughQueueSelectorAttachment, RuleEngineQueueSelectorAttachment,
        WeightedAllocationQueueSelectorAttachment {}
