package dev.jobrouter.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobrouter.JobRouter;
import dev.jobrouter.core.event.OfferAccepted;
import dev.jobrouter.core.event.OfferIssued;
import dev.jobrouter.core.event.OfferRevoked;
import dev.jobrouter.core.event.RouterEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The simulation's checker reports what a broken router would show; a sound one passes. */
class InvariantCheckTest {
    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");

    /** j1 was offered to w1 and accepted; the events below pretend a second offer went to w2. */
    private record Assigned(JobRouter router, String offerId, String assignmentId) {

        static Assigned job() {
            JobRouter router = routerWithAJobOffered();
            String offer = router.getWorker("w1").offers().get(0).offerId();
            return new Assigned(router, offer, router.acceptJobOffer("w1", offer).assignmentId());
        }

        List<RouterEvent> eventsUpToTheAccept() {
            return List.of(
                    new OfferIssued(0, T0, offerId, "j1", "w1", "voice", 1, T0, T0.plusSeconds(60)),
                    new OfferIssued(1, T0, "offer-elsewhere", "j1", "w2", "voice", 1, T0, T0.plusSeconds(60)),
                    new OfferAccepted(2, T0, offerId, "j1", "w1", assignmentId));
        }
    }

    private static JobRouter routerWithAJobOffered() {
        JobRouter router = JobRouter.builder().virtualClock(T0).build();
        router.distributionPolicy("p1").offerExpiresAfter(Duration.ofMinutes(1)).upsert();
        router.queue("q1").distributionPolicy("p1").upsert();
        router.worker("w1").capacity(1).channel("voice", 1).queues("q1").availableForOffers(true).upsert();
        router.worker("w2").capacity(1).channel("voice", 1).queues("q1").upsert();   // the events name it
        router.job("j1").channel("voice").queue("q1").upsert();
        return router;
    }

    @Test
    void anAssignedJobWhoseOtherOfferTheEventsNeverEndedIsAViolation() {
        Assigned assigned = Assigned.job();
        try (JobRouter router = assigned.router()) {
            InvariantCheck check = new InvariantCheck(router);

            check.check(assigned.eventsUpToTheAccept());

            assertThat(check.violations()).singleElement().asString()
                    .endsWith("job j1 is ASSIGNED with open offers [offer-elsewhere]");
        }
    }

    @Test
    void theSameJobWithTheOtherOfferRevokedPasses() {
        Assigned assigned = Assigned.job();
        try (JobRouter router = assigned.router()) {
            InvariantCheck check = new InvariantCheck(router);
            List<RouterEvent> events = new ArrayList<>(assigned.eventsUpToTheAccept());
            events.add(new OfferRevoked(3, T0, "offer-elsewhere", "j1", "w2"));

            check.check(events);

            assertThat(check.violations()).isEmpty();
        }
    }
}
