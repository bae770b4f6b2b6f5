package dev.jobrouter.core.command;

/**
 * A change to the router, as the rules see it: every decision is about one of these. Most are the
 * {@link RouterCommand} a caller or the clock gave the engine; the others are the steps a command
 * causes, decided on their own: a worker upsert is decided as {@link UpdateWorker} (and {@link RegisterWorker} or
 * {@link DeregisterWorker} when its availability changes), a job upsert as {@link CreateJob} or
 * {@link UpdateJob}, matching proposes {@link IssueOffer}, and an accept, cancel, delete or
 * deregistration withdraws open offers with {@link RevokeOffer}.
 *
 * <p>Commands are plain values (ids, numbers, instants, immutable maps): rules match on their
 * fields, a journal could write them.
 */
public sealed interface Command
        permits RouterCommand, CreateJob, UpdateJob, IssueOffer, RevokeOffer, UpdateWorker, RegisterWorker,
                ClassifyJob, SwitchMatchingMode, QueueDeletion, DistributionPolicyDeletion,
                ClassificationPolicyDeletion, ExceptionPolicyDeletion, TriggerException {}
