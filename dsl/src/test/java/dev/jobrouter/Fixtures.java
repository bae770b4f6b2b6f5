package dev.jobrouter;

import dev.jobrouter.core.event.RouterEvent;
import dev.jobrouter.core.internal.engine.EngineSnapshot;
import dev.jobrouter.core.model.DistributionPolicy;
import dev.jobrouter.core.model.RouterJob;
import dev.jobrouter.core.model.RouterJobOffer;
import dev.jobrouter.core.model.RouterQueue;
import dev.jobrouter.core.model.RouterWorker;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Routers, setups and recorders shared by the tests. */
final class Fixtures {
    static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
    static final Duration OFFER_TTL = Duration.ofMinutes(1);

    private Fixtures() {}

    /** A router on a virtual clock at {@link #T0} with policy p1 (offers expire after a minute) and queue q1. */
    static JobRouter router(String... drl) {
        JobRouter.Builder builder = JobRouter.builder().virtualClock(T0);
        for (String source : drl) {
            builder.rules(source);
        }
        JobRouter router = builder.build();
        setUp(router);
        return router;
    }

    static void setUp(JobRouter router) {
        router.distributionPolicy("p1").offerExpiresAfter(OFFER_TTL).longestIdle().upsert();
        router.queue("q1").distributionPolicy("p1").upsert();
    }

    /** An available worker on q1 with capacity 10 and voice at cost 10 (so one voice job at a time). */
    static RouterWorker voiceWorker(JobRouter router, String id) {
        return router.worker(id).capacity(10).channel("voice", 10).queues("q1").availableForOffers(true).upsert();
    }

    static RouterJob voiceJob(JobRouter router, String id) {
        return router.job(id).channel("voice").queue("q1").upsert();
    }

    static RouterJobOffer onlyOffer(JobRouter router, String workerId) {
        List<RouterJobOffer> offers = router.getWorker(workerId).offers();
        if (offers.size() != 1) {
            throw new AssertionError("worker " + workerId + " should hold one offer, holds " + offers);
        }
        return offers.get(0);
    }

    /**
     * Everything a router shows, everything its engine holds (timers, declines, arrivals, id and event
     * counters), and the facts its rule sessions hold beyond their last decisions' own (always 0), to
     * compare before and after a refused call.
     */
    record Snapshot(List<RouterJob> jobs, List<RouterWorker> workers, List<RouterQueue> queues,
            List<DistributionPolicy> policies, List<List<RouterJobOffer>> offers, Instant now, EngineSnapshot engine,
            long strayRuleFacts) {

        static Snapshot of(JobRouter router) {
            List<RouterJob> jobs = router.listJobs();
            List<List<RouterJobOffer>> offers = jobs.stream().map(job -> router.getJobOffers(job.id())).toList();
            return new Snapshot(jobs, router.listWorkers(), router.listQueues(), router.listDistributionPolicies(),
                    offers, router.now(), router.snapshot(), router.strayRuleFacts());
        }
    }

    /** Records events in delivery order. */
    static final class Events implements Consumer<RouterEvent> {
        final List<RouterEvent> all = new ArrayList<>();

        static Events of(JobRouter router) {
            Events events = new Events();
            router.onEvent(events);
            return events;
        }

        @Override
        public void accept(RouterEvent event) {
            all.add(event);
        }

        <E extends RouterEvent> List<E> of(Class<E> type) {
            return all.stream().filter(type::isInstance).map(type::cast).toList();
        }

        List<String> names() {
            return all.stream().map(e -> e.getClass().getSimpleName()).toList();
        }

        void clear() {
            all.clear();
        }
    }
}
