package dev.jobrouter.cloudevents;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobrouter.core.event.RouterEvent;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.jackson.JsonFormat;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Router events as CloudEvents 1.0, and back, in the JSON event format.
 *
 * <p>The type is the Event Grid type the service publishes for the event, such as
 * {@code Microsoft.Communication.RouterJobReceived} or
 * {@code Microsoft.Communication.RouterWorkerOfferIssued}; an event the service has no type for is
 * {@code dev.jobrouter.<EventName>} ({@code dev.jobrouter.JobScheduled}). The id is the event's
 * sequence number (unique within a router: give each router its own source), the time its instant,
 * the subject {@code job/{jobId}}, {@code worker/{workerId}/job/{jobId}} for offers or
 * {@code worker/{workerId}}, as the service shapes them.
 *
 * <p>The data is a JSON object of the event's fields under the service's names where it has one
 * ({@code jobStatus}, {@code offeredOn}, {@code expiresOn}); enum values in the service's style
 * ({@code PendingClassification}), instants and durations in ISO 8601. Reading back gives the same
 * event, except that label values come back as JSON keeps them: whole numbers as {@code Integer}
 * (or {@code Long} past its range), others as {@code Double}.
 *
 * <p>Thread-safe.
 */
public final class RouterCloudEvents {
    /** The default source. */
    public static final URI SOURCE = URI.create("/dev/jobrouter");
    private static final String SERVICE = "Microsoft.Communication.";
    private static final String OURS = "dev.jobrouter.";
    /** Our event's name to the service's, for the events it publishes. */
    private static final Map<String, String> SERVICE_NAMES = Map.ofEntries(
            Map.entry("JobReceived", "RouterJobReceived"), Map.entry("JobClassified", "RouterJobClassified"),
            Map.entry("JobQueued", "RouterJobQueued"),
            Map.entry("JobClassificationFailed", "RouterJobClassificationFailed"),
            Map.entry("JobCompleted", "RouterJobCompleted"), Map.entry("JobClosed", "RouterJobClosed"),
            Map.entry("JobCancelled", "RouterJobCancelled"),
            Map.entry("JobExceptionTriggered", "RouterJobExceptionTriggered"),
            Map.entry("JobWorkerSelectorsExpired", "RouterJobWorkerSelectorsExpired"),
            Map.entry("JobUnassigned", "RouterJobUnassigned"),
            Map.entry("JobWaitingForActivation", "RouterJobWaitingForActivation"),
            Map.entry("JobDeleted", "RouterJobDeleted"), Map.entry("OfferIssued", "RouterWorkerOfferIssued"),
            Map.entry("OfferAccepted", "RouterWorkerOfferAccepted"),
            Map.entry("OfferDeclined", "RouterWorkerOfferDeclined"),
            Map.entry("OfferRevoked", "RouterWorkerOfferRevoked"), Map.entry("OfferExpired", "RouterWorkerOfferExpired"),
            Map.entry("WorkerRegistered", "RouterWorkerRegistered"),
            Map.entry("WorkerDeregistered", "RouterWorkerDeregistered"),
            Map.entry("WorkerDeleted", "RouterWorkerDeleted"));
    /** Our field's name to the service's, where they differ. */
    private static final Map<String, String> SERVICE_FIELDS = Map.of("status", "jobStatus", "offeredAt", "offeredOn",
            "expiresAt", "expiresOn");
    private static final Map<String, Class<?>> EVENTS_BY_TYPE = eventsByType();

    private final URI source;
    private final ObjectMapper json = new ObjectMapper();
    private final EventFormat format = new JsonFormat();

    /** With the default {@link #SOURCE}. */
    public RouterCloudEvents() {
        this(SOURCE);
    }

    /** @param source the source of every event: one per router, since ids are unique within one */
    public RouterCloudEvents(URI source) {
        this.source = requireNonNull(source, "source");
    }

    /**
     * @param event a router event's class
     * @return its CloudEvent type: the service's, or {@code dev.jobrouter.<EventName>}
     */
    public static String typeOf(Class<? extends RouterEvent> event) {
        String name = event.getSimpleName();
        String service = SERVICE_NAMES.get(name);
        return service != null ? SERVICE + service : OURS + name;
    }

    /**
     * @param event a router event
     * @return the event as a CloudEvent, its data JSON
     */
    public CloudEvent toCloudEvent(RouterEvent event) {
        requireNonNull(event, "event");
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        for (RecordComponent component : event.getClass().getRecordComponents()) {
            String name = component.getName();
            if (!name.equals("sequence") && !name.equals("at")) {
                data.set(SERVICE_FIELDS.getOrDefault(name, name), toJson(read(component, event)));
            }
        }
        try {
            return CloudEventBuilder.v1().withId(Long.toString(event.sequence())).withSource(source)
                    .withType(typeOf(event.getClass())).withTime(event.at().atOffset(ZoneOffset.UTC))
                    .withSubject(subjectOf(data)).withDataContentType("application/json")
                    .withData(json.writeValueAsBytes(data)).build();
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the data of " + event, e);
        }
    }

    /**
     * @param cloudEvent a CloudEvent {@link #toCloudEvent} made
     * @return the event it holds
     * @throws IllegalArgumentException for a type no router event has, or data that does not fit it
     */
    public RouterEvent fromCloudEvent(CloudEvent cloudEvent) {
        Class<?> type = EVENTS_BY_TYPE.get(cloudEvent.getType());
        if (type == null) {
            throw new IllegalArgumentException("no router event has the type " + cloudEvent.getType());
        }
        try {
            JsonNode data = cloudEvent.getData() == null ? JsonNodeFactory.instance.objectNode()
                    : json.readTree(cloudEvent.getData().toBytes());
            RecordComponent[] components = type.getRecordComponents();
            Object[] values = new Object[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                String name = components[i].getName();
                types[i] = components[i].getType();
                values[i] = switch (name) {
                    case "sequence" -> Long.parseLong(cloudEvent.getId());
                    case "at" -> cloudEvent.getTime().toInstant();
                    default -> fromJson(data.get(SERVICE_FIELDS.getOrDefault(name, name)), components[i].getGenericType());
                };
            }
            Constructor<?> constructor = type.getDeclaredConstructor(types);
            return (RouterEvent) constructor.newInstance(values);
        } catch (IOException | ReflectiveOperationException | RuntimeException e) {
            throw new IllegalArgumentException("cannot read a " + type.getSimpleName() + " from " + cloudEvent + ": " + e,
                    e);
        }
    }

    /**
     * @param cloudEvent a CloudEvent
     * @return it in the JSON event format
     */
    public byte[] serialize(CloudEvent cloudEvent) {
        return format.serialize(cloudEvent);
    }

    /**
     * @param bytes a CloudEvent in the JSON event format
     * @return the CloudEvent
     */
    public CloudEvent deserialize(byte[] bytes) {
        return format.deserialize(bytes);
    }

    private static String subjectOf(ObjectNode data) {
        String job = data.path("jobId").asText(null);
        String worker = data.path("workerId").asText(null);
        if (job != null && worker != null && data.has("offerId")) {
            return "worker/" + worker + "/job/" + job;
        }
        if (job != null) {
            String channel = data.path("channelId").asText(null);
            return "job/" + job + (channel == null ? "" : "/channel/" + channel);
        }
        return "worker/" + worker;
    }

    private static Object read(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode toJson(Object value) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (value == null) {
            return nodes.nullNode();
        } else if (value instanceof String s) {
            return nodes.textNode(s);
        } else if (value instanceof Boolean b) {
            return nodes.booleanNode(b);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return nodes.numberNode(((Number) value).longValue());
        } else if (value instanceof BigInteger big) {
            return nodes.numberNode(big);
        } else if (value instanceof BigDecimal big) {
            return nodes.numberNode(big);
        } else if (value instanceof Number number) {
            return nodes.numberNode(number.doubleValue());
        } else if (value instanceof Instant || value instanceof Duration) {
            return nodes.textNode(value.toString());
        } else if (value instanceof Enum<?> constant) {
            return nodes.textNode(pascal(constant.name()));
        } else if (value instanceof Map<?, ?> map) {
            ObjectNode object = nodes.objectNode();
            map.forEach((key, entry) -> object.set(String.valueOf(key), toJson(entry)));
            return object;
        } else if (value instanceof Collection<?> values) {
            ArrayNode array = nodes.arrayNode();
            values.forEach(entry -> array.add(toJson(entry)));
            return array;
        } else if (value instanceof Record record) {
            ObjectNode object = nodes.objectNode();
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                object.set(component.getName(), toJson(read(component, record)));
            }
            return object;
        }
        throw new IllegalArgumentException("no JSON for a " + value.getClass().getName());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Object fromJson(JsonNode node, Type type) throws ReflectiveOperationException, IOException {
        if (node == null || node.isNull()) {
            return null;
        }
        Class<?> raw = type instanceof ParameterizedType parameterized ? (Class<?>) parameterized.getRawType()
                : (Class<?>) type;
        Type[] arguments = type instanceof ParameterizedType parameterized ? parameterized.getActualTypeArguments()
                : new Type[0];
        if (raw == String.class) {
            return node.asText();
        } else if (raw == int.class || raw == Integer.class) {
            return node.asInt();
        } else if (raw == long.class || raw == Long.class) {
            return node.asLong();
        } else if (raw == boolean.class || raw == Boolean.class) {
            return node.asBoolean();
        } else if (raw == double.class || raw == Double.class) {
            return node.asDouble();
        } else if (raw == Instant.class) {
            return Instant.parse(node.asText());
        } else if (raw == Duration.class) {
            return Duration.parse(node.asText());
        } else if (raw.isEnum()) {
            return Enum.valueOf((Class) raw, snake(node.asText()));
        } else if (Map.class.isAssignableFrom(raw)) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                map.put(field.getKey(), fromJson(field.getValue(), arguments[1]));
            }
            return map;
        } else if (List.class.isAssignableFrom(raw) || Set.class.isAssignableFrom(raw)) {
            Collection<Object> values = List.class.isAssignableFrom(raw) ? new ArrayList<>() : new LinkedHashSet<>();
            for (JsonNode element : node) {
                values.add(fromJson(element, arguments[0]));
            }
            return values;
        } else if (raw.isRecord()) {
            RecordComponent[] components = raw.getRecordComponents();
            Object[] values = new Object[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                values[i] = fromJson(node.get(components[i].getName()), components[i].getGenericType());
            }
            return raw.getDeclaredConstructor(types).newInstance(values);
        } else if (raw == Object.class) {
            return json.treeToValue(node, Object.class);   // a label value: as JSON keeps it
        }
        throw new IllegalArgumentException("no " + raw.getName() + " from JSON");
    }

    /** {@code PENDING_CLASSIFICATION} as {@code PendingClassification}. */
    private static String pascal(String constant) {
        StringBuilder out = new StringBuilder();
        for (String word : constant.split("_")) {
            out.append(word.charAt(0)).append(word.substring(1).toLowerCase(java.util.Locale.ROOT));
        }
        return out.toString();
    }

    /** {@code PendingClassification} as {@code PENDING_CLASSIFICATION}. */
    private static String snake(String pascal) {
        return pascal.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(java.util.Locale.ROOT);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Class<?>> eventsByType() {
        Map<String, Class<?>> types = new HashMap<>();
        List<Class<?>> todo = new ArrayList<>(List.of(RouterEvent.class));
        while (!todo.isEmpty()) {
            Class<?> next = todo.remove(todo.size() - 1);
            if (next.isSealed()) {
                todo.addAll(List.of(next.getPermittedSubclasses()));
            } else {
                types.put(typeOf((Class<? extends RouterEvent>) next), next);
            }
        }
        return Map.copyOf(types);
    }
}
