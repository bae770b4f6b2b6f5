package dev.jobrouter.bench;

import dev.jobrouter.core.command.AcceptJobOffer;
import dev.jobrouter.core.command.CancelJob;
import dev.jobrouter.core.command.CloseJob;
import dev.jobrouter.core.command.Command;
import dev.jobrouter.core.command.CompleteJob;
import dev.jobrouter.core.command.DeclineJobOffer;
import dev.jobrouter.core.command.DeleteJob;
import dev.jobrouter.core.command.DeregisterWorker;
import dev.jobrouter.core.command.ExpireOffer;
import dev.jobrouter.core.command.IssueOffer;
import dev.jobrouter.core.command.ClassificationPolicyDeletion;
import dev.jobrouter.core.command.DeleteWorker;
import dev.jobrouter.core.command.DistributionPolicyDeletion;
import dev.jobrouter.core.command.ExceptionPolicyDeletion;
import dev.jobrouter.core.command.QueueDeletion;
import dev.jobrouter.core.command.ReclassifyJob;
import dev.jobrouter.core.command.SwitchMatchingMode;
import dev.jobrouter.core.command.UnassignJob;
import dev.jobrouter.core.command.UpdateJob;
import dev.jobrouter.core.command.UpdateWorker;
import dev.jobrouter.core.model.ChannelConfiguration;
import dev.jobrouter.core.model.JobStatus;
import dev.jobrouter.core.model.OfferStatus;
import dev.jobrouter.core.model.RouterJob;
import dev.jobrouter.core.model.RouterJobOffer;
import dev.jobrouter.core.model.RouterWorker;
import dev.jobrouter.core.model.RouterWorkerAssignment;
import dev.jobrouter.core.model.WorkerState;
import dev.jobrouter.core.rules.Decision;
import dev.jobrouter.core.rules.FollowUp;
import dev.jobrouter.core.rules.Refusal;
import dev.jobrouter.core.rules.ReleaseCapacityAt;
import dev.jobrouter.core.rules.RetryOfferAt;
import dev.jobrouter.core.rules.TransitionRules;
import dev.jobrouter.core.rules.Verdict;
import java.util.EnumSet;
import java.util.Set;

/**
 * The baseline: the built-in rules written by hand as a Java transition table. Same verdicts as the
 * DRL in {@code rules/src/main/resources/dev/jobrouter/rules}, no rule engine; plugged into the same
 * engine, so that the benchmarks' ratio between the two is the cost of having Drools in the loop.
 */
final class JavaTransitionRules implements TransitionRules {
    private static final Set<JobStatus> WAITING = EnumSet.of(JobStatus.QUEUED, JobStatus.PENDING_SCHEDULE,
            JobStatus.SCHEDULED, JobStatus.WAITING_FOR_ACTIVATION);

    @Override
    public Verdict decide(Decision decision) {
        Command command = decision.command();
        RouterJob job = decision.job();
        if (command instanceof IssueOffer) {
            if (job.status() != JobStatus.QUEUED) {
                return refuse("only a queued job is offered", "issuing an offer needs a QUEUED job");
            }
            if (decision.worker().state() != WorkerState.ACTIVE) {
                return refuse("only an active worker is offered a job", "issuing an offer needs an ACTIVE worker");
            }
            return decision.worker().takesMoreOffers() ? Verdict.ALLOW
                    : refuse("a worker holds at most its maxConcurrentOffers open offers",
                            "issuing an offer needs a worker holding fewer than its "
                                    + decision.worker().maxConcurrentOffers() + " open offers");
        }
        if (command instanceof AcceptJobOffer) {
            if (job.status() != JobStatus.QUEUED) {
                return refuse("a job is assigned to one worker only", "acceptJobOffer needs a QUEUED job");
            }
            if (decision.offer().status() != OfferStatus.OPEN) {
                return refuse("only an open offer can be accepted", "acceptJobOffer needs an OPEN offer");
            }
            return decision.offer().expiresAt().isAfter(decision.now()) ? Verdict.ALLOW
                    : refuse("an offer cannot be accepted after it expired", "acceptJobOffer needs an offer that has not expired");
        }
        if (command instanceof DeclineJobOffer decline) {
            if (decision.offer().status() != OfferStatus.OPEN) {
                return refuse("only an open offer can be declined", "declineJobOffer needs an OPEN offer");
            }
            return decline.retryOfferAt() == null ? Verdict.ALLOW
                    : Verdict.of("a decliner may be offered the job again from the retry time it gave",
                            new RetryOfferAt(decline.retryOfferAt()));
        }
        if (command instanceof CompleteJob) {
            return job.status() == JobStatus.ASSIGNED ? Verdict.ALLOW
                    : refuse("only an assigned job can be completed", "completeJob needs ASSIGNED");
        }
        if (command instanceof CloseJob close) {
            if (job.status() != JobStatus.ASSIGNED && job.status() != JobStatus.COMPLETED) {
                return refuse("only an assigned or completed job can be closed", "closeJob needs ASSIGNED or COMPLETED");
            }
            if (job.closePending()) {
                return refuse("a job is closed only once", "closeJob needs a job without a pending close");
            }
            return close.closeAt() == null
                    ? Verdict.of("release capacity at once when no close time is given",
                            new ReleaseCapacityAt(decision.now()))
                    : Verdict.of("release capacity at the requested close time", new ReleaseCapacityAt(close.closeAt()));
        }
        if (command instanceof CancelJob) {
            return !job.status().isTerminal() ? Verdict.ALLOW
                    : refuse("a closed or cancelled job cannot be cancelled", "cancelJob needs a job that is not closed or cancelled");
        }
        if (command instanceof DeleteJob) {
            return job.status() != JobStatus.ASSIGNED && job.status() != JobStatus.COMPLETED ? Verdict.ALLOW
                    : refuse("a job holding capacity cannot be deleted", "deleteJob needs a job that holds no capacity");
        }
        if (command instanceof UpdateJob) {
            return !job.status().isTerminal() ? Verdict.ALLOW
                    : refuse("a closed or cancelled job cannot be updated", "updating a job needs a job that is not closed or cancelled");
        }
        if (command instanceof DeleteWorker) {
            return decision.worker().assignedJobs().isEmpty() ? Verdict.ALLOW
                    : refuse("a worker holding jobs cannot be deleted", "deleteWorker needs a worker that holds no job");
        }
        if (command instanceof QueueDeletion deletion) {
            if (deletion.activeJobs() > 0) {
                return refuse("a queue holding active jobs cannot be deleted",
                        "deleteQueue needs a queue whose jobs, and the jobs classified out of it, are all closed"
                                + " or cancelled");
            }
            if (!deletion.fallbackOf().isEmpty()) {
                return refuse("a classification policy's fallback queue cannot be deleted",
                        "deleteQueue needs a queue that no classification policy falls back to");
            }
            return deletion.exceptionPolicies().isEmpty() ? Verdict.ALLOW
                    : refuse("a queue an exception policy moves jobs into cannot be deleted",
                            "deleteQueue needs a queue that no exception policy's manual reclassify action names");
        }
        if (command instanceof DistributionPolicyDeletion deletion) {
            return deletion.queues().isEmpty() ? Verdict.ALLOW
                    : refuse("a distribution policy named by a queue cannot be deleted",
                            "deleteDistributionPolicy needs a policy that no queue names");
        }
        if (command instanceof ClassificationPolicyDeletion deletion) {
            if (!deletion.activeJobs().isEmpty()) {
                return refuse("a classification policy named by an active job cannot be deleted",
                        "deleteClassificationPolicy needs a policy that no active job names");
            }
            return deletion.exceptionPolicies().isEmpty() ? Verdict.ALLOW
                    : refuse("a classification policy named by an exception policy cannot be deleted",
                            "deleteClassificationPolicy needs a policy that no exception policy's reclassify action names");
        }
        if (command instanceof ExceptionPolicyDeletion deletion) {
            return deletion.queues().isEmpty() ? Verdict.ALLOW
                    : refuse("an exception policy named by a queue cannot be deleted",
                            "deleteExceptionPolicy needs a policy that no queue names");
        }
        if (command instanceof UnassignJob) {
            if (job.status() != JobStatus.ASSIGNED) {
                return refuse("only an assigned job can be unassigned", "unassignJob needs an ASSIGNED job");
            }
            return job.unassignmentCount() < 3 ? Verdict.ALLOW
                    : refuse("a job is unassigned at most three times", "unassignJob allows three unassignments of a job");
        }
        if (command instanceof SwitchMatchingMode) {
            return WAITING.contains(job.status()) ? Verdict.ALLOW
                    : refuse("only a waiting job can switch its matching mode",
                            "switching the matching mode needs a QUEUED, SCHEDULED or WAITING_FOR_ACTIVATION job");
        }
        if (command instanceof ReclassifyJob) {
            if (job.status() != JobStatus.QUEUED && job.status() != JobStatus.CLASSIFICATION_FAILED) {
                return refuse("only a queued or classification-failed job can be reclassified",
                        "reclassifyJob needs QUEUED or CLASSIFICATION_FAILED");
            }
            return job.classificationPolicyId() != null ? Verdict.ALLOW
                    : refuse("only a job with a classification policy can be reclassified",
                            "reclassifyJob needs a job with a classification policy");
        }
        if (command instanceof UpdateWorker) {
            return coversHoldings(decision.worker());
        }
        if (command instanceof ExpireOffer expire) {
            return Verdict.of("deregister a worker whose offer expired",
                    new FollowUp(new DeregisterWorker(expire.workerId())));
        }
        return Verdict.ALLOW;
    }

    private static Verdict coversHoldings(RouterWorker worker) {
        if (worker.usedCapacity() > worker.capacity()) {
            return refuse("a worker's capacity covers what it holds", "its capacity must cover what it holds");
        }
        for (RouterWorkerAssignment held : worker.assignedJobs()) {
            if (!worker.channels().containsKey(held.channelId())) {
                return refuse("a worker keeps the channels of the jobs it holds", "it must keep the channel of its job");
            }
        }
        for (RouterJobOffer offer : worker.offers()) {
            if (!worker.channels().containsKey(offer.channelId())) {
                return refuse("a worker keeps the channels of the offers it holds", "it must keep the channel of its offer");
            }
        }
        for (ChannelConfiguration channel : worker.channels().values()) {
            if (channel.maxNumberOfJobs() != null && worker.jobsOn(channel.channelId()) > channel.maxNumberOfJobs()) {
                return refuse("a channel's job limit covers the jobs it holds", "the job limit must cover its jobs");
            }
        }
        return Verdict.ALLOW;
    }

    private static Verdict refuse(String rule, String reason) {
        return Verdict.of(rule, new Refusal(reason));
    }

    @Override
    public void close() {
        // nothing to release
    }
}
