package dev.jobrouter.examples;

import dev.jobrouter.Assignment;
import dev.jobrouter.JobRouter;
import dev.jobrouter.core.event.RouterEvent;
import dev.jobrouter.core.model.AcceptJobOfferResult;
import dev.jobrouter.core.model.ExpressionRouterRule;
import dev.jobrouter.core.model.LabelOperator;
import dev.jobrouter.core.model.PassThroughQueueSelectorAttachment;
import dev.jobrouter.core.model.RouterJob;
import dev.jobrouter.core.model.RouterJobOffer;
import dev.jobrouter.core.model.RouterWorkerSelector;
import dev.jobrouter.core.model.StaticWorkerSelectorAttachment;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The how-to "Handle an offer", in-process: observe a worker's offers, accept, decline, complete,
 * close with a disposition code and a release time, cancel with a note, delete. Every step is decided
 * by the built-in Drools rules; every event is printed as it is published.
 */
public final class HandleAnOffer {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    private HandleAnOffer() {}

    public static void main(String[] args) throws InterruptedException {
        System.out.println("== The seed flow on the embedded default: JobRouter.inMemory(), the system clock ==");
        try (JobRouter router = JobRouter.inMemory()) {
            CountDownLatch released = new CountDownLatch(1);
            router.onEvent(event -> {
                print(event);
                if (event instanceof dev.jobrouter.core.event.JobClosed) {
                    released.countDown();
                }
            });
            router.distributionPolicy("p1").offerExpiresAfter(Duration.ofMinutes(1)).longestIdle().upsert();
            router.queue("q1").distributionPolicy("p1").upsert();
            router.worker("edmonton").capacity(10).channel("voice", 10).queues("q1")
                    .label("location", "Edmonton").availableForOffers(true).upsert();
            router.worker("calgary").capacity(10).channel("voice", 10).queues("q1")
                    .label("location", "Calgary").availableForOffers(true).upsert();
            router.job("j1").channel("voice").queue("q1").priority(1).upsert();

            step("Query the worker to observe the job offers");
            RouterJobOffer offer = router.getWorker("edmonton").offers().get(0);
            System.out.printf("  Job Offer ID: %s offered to edmonton for job %s%n", offer.offerId(), offer.jobId());

            step("Decline a job offer: the job goes to the next fitting worker");
            router.declineJobOffer("edmonton", offer.offerId());
            RouterJobOffer next = router.getWorker("calgary").offers().get(0);

            step("Accept a job offer");
            AcceptJobOfferResult accepted = router.acceptJobOffer("calgary", next.offerId());
            System.out.printf("  assignment %s: job %s is %s%n", accepted.assignmentId(), accepted.jobId(),
                    router.getJob("j1").status());

            step("Complete a job: the worker keeps its capacity for wrap-up");
            router.completeJob("j1", accepted.assignmentId());
            System.out.printf("  calgary uses %d of %d%n", router.getWorker("calgary").usedCapacity(),
                    router.getWorker("calgary").capacity());

            step("Close a job with a disposition code, releasing the capacity one second later");
            RouterJob closing = router.closeJob("j1", accepted.assignmentId(), "job completed",
                    router.now().plusSeconds(1));
            System.out.printf("  job j1 is %s with a close pending until %s%n", closing.status(),
                    TIME.format(closing.assignments().get(accepted.assignmentId()).releaseAt()));
            released.await(10, TimeUnit.SECONDS);
            System.out.printf("  job j1 is %s; calgary uses %d of %d%n", router.getJob("j1").status(),
                    router.getWorker("calgary").usedCapacity(), router.getWorker("calgary").capacity());

            step("Cancel a job with a disposition code and a note");
            router.job("j2").channel("voice").queue("q1").upsert();
            RouterJob cancelled = router.cancelJob("j2", "job cancelled", "should recreate later");
            System.out.printf("  job j2 is %s (%s): %s%n", cancelled.status(), cancelled.dispositionCode(),
                    cancelled.notes().get(0).message());

            step("Delete a job and all its traces");
            router.deleteJob("j2");
            System.out.printf("  jobs left: %s%n", router.listJobs().stream().map(RouterJob::id).toList());
        }

        System.out.println();
        System.out.println("== The same close one day ahead, on a virtual clock: the day passes at once ==");
        Instant start = Instant.parse("2026-01-05T09:00:00Z");
        try (JobRouter router = JobRouter.builder().virtualClock(start).build()) {
            router.onEvent(HandleAnOffer::print);
            router.distributionPolicy("p1").offerExpiresAfter(Duration.ofMinutes(1)).upsert();
            router.queue("q1").distributionPolicy("p1").upsert();
            router.worker("edmonton").capacity(10).channel("voice", 10).queues("q1").availableForOffers(true).upsert();
            router.job("j1").channel("voice").queue("q1").upsert();

            Assignment assignment = router.offersFor("edmonton").first().accept().complete();
            assignment.close("job completed", router.now().plus(Duration.ofDays(1)));
            router.advanceBy(Duration.ofDays(1));
            System.out.printf("  on %s job j1 is %s; edmonton uses %d of %d%n", router.now(),
                    router.getJob("j1").status(), router.getWorker("edmonton").usedCapacity(),
                    router.getWorker("edmonton").capacity());
        }
        classifiedJob();
    }

    /** A job classified by a policy: its queue, priority and attached selectors, then who is offered it. */
    private static void classifiedJob() {
        System.out.println();
        System.out.println("== A classified job: a policy picks its queue, priority and worker selectors ==");
        try (JobRouter router = JobRouter.builder().virtualClock(Instant.parse("2026-01-05T09:00:00Z")).build()) {
            router.distributionPolicy("rr").roundRobin().upsert();
            router.queue("general").distributionPolicy("rr").upsert();
            router.queue("fr-support").distributionPolicy("rr").label("Language", "fr").upsert();
            router.classificationPolicy("intake").fallbackQueue("general")
                    .queueSelectorAttachments(new PassThroughQueueSelectorAttachment("Language", LabelOperator.EQUAL))
                    .prioritizationRule(new ExpressionRouterRule("job.Vip == true ? 10 : 1"))
                    .workerSelectorAttachments(new StaticWorkerSelectorAttachment(
                            RouterWorkerSelector.greaterThanOrEqual("Skill", 5)))
                    .upsert();
            router.worker("bruno").capacity(1).channel("voice", 1).queues("fr-support").label("Skill", 3)
                    .availableForOffers(true).upsert();
            router.worker("chloe").capacity(1).channel("voice", 1).queues("fr-support").label("Skill", 8)
                    .availableForOffers(true).upsert();

            RouterJob job = router.job("call-1").channel("voice").classificationPolicy("intake")
                    .label("Language", "fr").label("Vip", true).upsert();
            System.out.printf("  job %s: %s in queue %s, priority %d%n", job.id(), job.status(), job.queueId(),
                    job.priority());
            for (RouterWorkerSelector selector : job.attachedWorkerSelectors()) {
                System.out.printf("  attached selector: %s %s %s%n", selector.key(), selector.labelOperator(),
                        selector.value());
            }
            for (RouterJobOffer offer : router.getJobOffers(job.id())) {
                System.out.printf("  offered to %s (bruno has Skill 3, chloe 8)%n", offer.workerId());
            }
        }
    }

    private static void step(String title) {
        System.out.println("-- " + title);
    }

    private static void print(RouterEvent event) {
        String text = event.toString().replaceFirst("\\[at=[^,\\]]*(, )?", "[");
        System.out.printf("  %s event %s%n", TIME.format(event.at()), text);
    }
}
