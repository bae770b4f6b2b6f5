package dev.jobrouter.cloudevents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jobrouter.JobRouter;
import dev.jobrouter.core.event.JobReceived;
import dev.jobrouter.core.event.JobScheduled;
import dev.jobrouter.core.event.OfferIssued;
import dev.jobrouter.core.event.RouterEvent;
import dev.jobrouter.core.model.JobStatus;
import io.cloudevents.CloudEvent;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RouterCloudEventsTest {
    private static final Instant AT = Instant.parse("2026-01-05T09:00:00.123456789Z");
    private final RouterCloudEvents events = new RouterCloudEvents(URI.create("/routers/main"));
    private final ObjectMapper json = new ObjectMapper();

    private RouterEvent roundTrip(RouterEvent event) {
        return events.fromCloudEvent(events.deserialize(events.serialize(events.toCloudEvent(event))));
    }

    @Test
    void everyEventTypeRoundTripsThroughTheJsonFormat() throws Exception {
        List<Class<?>> all = leaves(RouterEvent.class);
        assertThat(all).hasSizeGreaterThan(20);
        for (Class<?> type : all) {
            RouterEvent sample = (RouterEvent) sample(type);
            assertThat(roundTrip(sample)).as(type.getSimpleName()).isEqualTo(sample);
        }
    }

    @Test
    void typesSubjectsAndDataAreShapedAsTheServiceShapesThem() throws IOException {
        CloudEvent received = events.toCloudEvent(new JobReceived(7, AT, "j1", "voice", "q1", 1,
                Map.of("Locale", "en-us"), Map.of(), JobStatus.PENDING_CLASSIFICATION));
        assertThat(received.getType()).isEqualTo("Microsoft.Communication.RouterJobReceived");
        assertThat(received.getId()).isEqualTo("7");
        assertThat(received.getSource()).isEqualTo(URI.create("/routers/main"));
        assertThat(received.getSubject()).isEqualTo("job/j1/channel/voice");
        assertThat(received.getTime().toInstant()).isEqualTo(AT);
        JsonNode data = json.readTree(received.getData().toBytes());
        assertThat(data.get("jobStatus").asText()).isEqualTo("PendingClassification");
        assertThat(data.get("labels").get("Locale").asText()).isEqualTo("en-us");
        assertThat(data.has("sequence")).as("in the envelope, not the data").isFalse();

        CloudEvent offered = events.toCloudEvent(new OfferIssued(8, AT, "o1", "j1", "w1", "voice", 1, AT,
                AT.plusSeconds(60)));
        assertThat(offered.getType()).isEqualTo("Microsoft.Communication.RouterWorkerOfferIssued");
        assertThat(offered.getSubject()).isEqualTo("worker/w1/job/j1");
        JsonNode offer = json.readTree(offered.getData().toBytes());
        assertThat(offer.get("offeredOn").asText()).isEqualTo(AT.toString());
        assertThat(offer.get("expiresOn").asText()).isEqualTo(AT.plusSeconds(60).toString());
        String serialized = new String(events.serialize(offered), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(serialized).as("JSON data embedded, not base64").contains("\"data\":{", "\"offerId\":\"o1\"");

        assertThat(RouterCloudEvents.typeOf(JobScheduled.class)).as("no service type").isEqualTo("dev.jobrouter.JobScheduled");
        CloudEvent foreign = io.cloudevents.core.builder.CloudEventBuilder.v1(offered).withType("com.example.Other").build();
        assertThatThrownBy(() -> events.fromCloudEvent(foreign)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("com.example.Other");
    }

    @Test
    void aRoutersLifecycleComesBackEventForEvent() {
        List<RouterEvent> published = new ArrayList<>();
        try (JobRouter router = JobRouter.builder().virtualClock(AT).build()) {
            router.onEvent(published::add);
            router.distributionPolicy("p1").offerExpiresAfter(Duration.ofMinutes(1)).upsert();
            router.queue("q1").distributionPolicy("p1").upsert();
            router.worker("w1").capacity(1).channel("voice", 1).queues("q1").label("Skill", 7).availableForOffers(true)
                    .upsert();
            router.job("j1").channel("voice").queue("q1").label("vip", true).label("score", 2.5).upsert();
            String offer = router.getWorker("w1").offers().get(0).offerId();
            var accepted = router.acceptJobOffer("w1", offer);
            router.completeJob("j1", accepted.assignmentId());
            router.closeJob("j1", accepted.assignmentId(), "done");
            router.deleteJob("j1");
        }
        assertThat(published).hasSizeGreaterThan(6);
        for (RouterEvent event : published) {
            assertThat(roundTrip(event)).isEqualTo(event);
        }
    }

    // ---- samples: every component set; label values as JSON keeps them

    private static List<Class<?>> leaves(Class<?> root) {
        List<Class<?>> found = new ArrayList<>();
        List<Class<?>> todo = new ArrayList<>(List.of(root));
        while (!todo.isEmpty()) {
            Class<?> next = todo.remove(0);
            if (next.isSealed()) {
                todo.addAll(List.of(next.getPermittedSubclasses()));
            } else {
                found.add(next);
            }
        }
        return found;
    }

    private static Object sample(Type type) throws ReflectiveOperationException {
        if (type instanceof ParameterizedType parameterized) {
            Class<?> raw = (Class<?>) parameterized.getRawType();
            Type[] arguments = parameterized.getActualTypeArguments();
            if (List.class.isAssignableFrom(raw)) {
                return List.of(sample(arguments[0]));
            }
            if (Set.class.isAssignableFrom(raw)) {
                return Set.of(sample(arguments[0]));
            }
            Map<Object, Object> map = new LinkedHashMap<>();
            if (arguments[1] == Object.class) {
                map.put("tier", "gold");
                map.put("level", 3);
                map.put("weight", 0.5);
                map.put("vip", true);
            } else {
                map.put(sample(arguments[0]), sample(arguments[1]));
            }
            return map;
        }
        Class<?> c = (Class<?>) type;
        if (c == String.class) {
            return "s";
        } else if (c == int.class || c == Integer.class) {
            return 3;
        } else if (c == long.class || c == Long.class) {
            return 5L;
        } else if (c == boolean.class || c == Boolean.class) {
            return true;
        } else if (c == double.class || c == Double.class) {
            return 2.5;
        } else if (c == Instant.class) {
            return AT;
        } else if (c == Duration.class) {
            return Duration.ofSeconds(90, 7);
        } else if (c == Object.class) {
            return 7;
        } else if (c.isEnum()) {
            return c.getEnumConstants()[c.getEnumConstants().length - 1];
        } else if (c.isRecord()) {
            RecordComponent[] components = c.getRecordComponents();
            Class<?>[] types = new Class<?>[components.length];
            Object[] values = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                values[i] = sample(components[i].getGenericType());
            }
            return c.getDeclaredConstructor(types).newInstance(values);
        }
        throw new AssertionError("no sample for " + c);
    }
}
