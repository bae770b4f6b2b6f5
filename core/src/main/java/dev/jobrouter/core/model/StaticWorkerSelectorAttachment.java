package dev.jobrouter.core.model;

/** @param workerSelector always attached */
public record StaticWorkerSelectorAttachment(RouterWorkerSelector workerSelector) implements WorkerSelectorAttachment {}
