package dev.jobrouter.core.model;

/** @param queueSelector always attached */
public record StaticQueueSelectorAttachment(RouterQueueSelector queueSelector) implements QueueSelectorAttachment {}
