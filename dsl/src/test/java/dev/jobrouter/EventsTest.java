package dev.jobrouter;

import static dev.jobrouter.Fixtures.voiceJob;
import static dev.jobrouter.Fixtures.voiceWorker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jobrouter.Fixtures.Events;
import dev.jobrouter.core.RouterException;
import dev.jobrouter.core.event.RouterEvent;
import dev.jobrouter.core.host.Subscription;
import dev.jobrouter.core.model.JobStatus;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventsTest {

    @Test
    void aListenerThatThrowsNeitherUndoesTheChangeNorStopsOtherListeners() {
        try (JobRouter router = Fixtures.router()) {
            router.onEvent(event -> {
                throw new IllegalStateException("listener bug");
            });
            Events events = Events.of(router);

            voiceJob(router, "j1");

            assertThat(router.getJob("j1").status()).isEqualTo(JobStatus.QUEUED);
            assertThat(events.names()).containsExactly("JobReceived", "JobQueued");
        }
    }

    @Test
    void aListenersOwnCommandsPublishAfterTheEventsAlreadyCommitted() {
        try (JobRouter router = Fixtures.router()) {
            voiceWorker(router, "w1");
            // Accept every offer as soon as it is issued, from inside the listener.
            router.onEvent(event -> {
                if (event instanceof dev.jobrouter.core.event.OfferIssued issued) {
                    router.acceptJobOffer(issued.workerId(), issued.offerId());
                }
            });
            Events events = Events.of(router);

            voiceJob(router, "j1");

            assertThat(router.getJob("j1").status()).isEqualTo(JobStatus.ASSIGNED);
            assertThat(events.names()).containsExactly("JobReceived", "JobQueued", "OfferIssued", "OfferAccepted");
        }
    }

    @Test
    void aCancelledSubscriptionReceivesNothingMore() {
        try (JobRouter router = Fixtures.router()) {
            List<RouterEvent> received = new ArrayList<>();
            Subscription subscription = router.onEvent(received::add);
            voiceJob(router, "j1");
            subscription.cancel();

            voiceJob(router, "j2");

            assertThat(received).hasSize(2).allSatisfy(e -> assertThat(e.toString()).contains("j1"));
        }
    }

    @Test
    void aRefusedCommandPublishesNothing() {
        try (JobRouter router = Fixtures.router()) {
            voiceJob(router, "j1");
            router.cancelJob("j1");
            Events events = Events.of(router);

            assertThatThrownBy(() -> router.cancelJob("j1")).isInstanceOf(RouterException.class);

            assertThat(events.all).isEmpty();
        }
    }
}
