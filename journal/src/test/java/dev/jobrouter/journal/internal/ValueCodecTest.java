package dev.jobrouter.journal.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jobrouter.core.ErrorCode;
import dev.jobrouter.core.RouterException;
import dev.jobrouter.core.command.RouterCommand;
import dev.jobrouter.core.command.UpsertJob;
import dev.jobrouter.core.event.RouterEvent;
import dev.jobrouter.core.model.FunctionRouterRule;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every command and every event, and every record they can hold, comes back from its encoding equal
 * to what went in. The families are walked from their sealed roots, so a command added later is
 * covered without a change here, and fails here when it holds something the journal cannot write.
 */
class ValueCodecTest {
    private static final Instant AT = Instant.parse("2026-01-05T09:00:00.123456789Z");

    @Test
    void everyCommandComesBackEqual() {
        Set<Class<?>> commands = leaves(RouterCommand.class);
        assertThat(commands).as("the sealed command family, walked")
                .contains(UpsertJob.class, dev.jobrouter.core.command.IfMatch.class,
                        dev.jobrouter.core.command.ExceptionWaitTimeDue.class);
        for (Class<?> command : commands) {
            roundTrips(command);
        }
    }

    @Test
    void everyEventComesBackEqual() {
        Set<Class<?>> events = leaves(RouterEvent.class);
        assertThat(events).contains(dev.jobrouter.core.event.JobReceived.class,
                dev.jobrouter.core.event.JobExceptionTriggered.class);
        events.forEach(this::roundTrips);
    }

    @Test
    void everyRecordACommandOrEventCanHoldComesBackEqual() {
        Set<Class<?>> records = new TreeSet<>(java.util.Comparator.comparing(Class::getName));
        for (Class<?> root : List.of(RouterCommand.class, RouterEvent.class)) {
            for (Class<?> leaf : leaves(root)) {
                reachable(leaf, records);
            }
        }
        assertThat(records).as("model records reached, nested ones too").contains(
                dev.jobrouter.core.model.ExceptionRule.class, dev.jobrouter.core.model.ManualReclassifyExceptionAction.class,
                dev.jobrouter.core.model.ScheduleAndSuspendMode.class, dev.jobrouter.core.model.RouterWorkerSelector.class,
                dev.jobrouter.core.model.FunctionRouterRule.class);
        records.forEach(this::roundTrips);
    }

    @Test
    void whatAnEntryCanHoldIsWrittenByIdAndAnyOtherRecordOfOursByName() {
        Set<Class<?>> held = new TreeSet<>(java.util.Comparator.comparing(Class::getName));
        for (Class<?> root : List.of(RouterCommand.class, RouterEvent.class, JournalEntry.class)) {
            for (Class<?> leaf : leaves(root)) {
                reachable(leaf, held);
            }
        }
        assertThat(held).contains(dev.jobrouter.core.internal.engine.EngineSnapshot.class);
        assertThat(held).allSatisfy(type -> assertThat(ValueCodec.isKnown(type)).as("%s by id", type).isTrue());
        assertThat(ValueCodec.isKnown(dev.jobrouter.core.model.LabelOperator.class)).as("an enum").isTrue();
        UpsertJob job = new UpsertJob("j1", "voice", "q1", 1, Map.of(), Map.of());
        assertThat(ValueCodec.encode(job)).hasSizeLessThan(60);   // by name it was over 80

        var result = new dev.jobrouter.core.model.AcceptJobOfferResult("a1", "j1", "w1");   // a command's result only
        assertThat(ValueCodec.isKnown(result.getClass())).isFalse();
        byte[] byName = ValueCodec.encode(List.of(result));
        assertThat(new String(byName, java.nio.charset.StandardCharsets.UTF_8)).contains(result.getClass().getName());
        assertThat(ValueCodec.decode(byName)).isEqualTo(List.of(result));

        RecordBuffer unknownId = new RecordBuffer();
        unknownId.writeByte(19);   // a known record, by an id no type has
        unknownId.writeInt(12345);
        unknownId.writeByte(0);
        assertThatThrownBy(() -> ValueCodec.decode(unknownId.payload())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("type id 12345 is unknown");
    }

    @Test
    void labelValuesKeepTheirTypeAndInstantsTheirNanoseconds() {
        Map<String, Object> labels = new LinkedHashMap<>();
        labels.put("int", 7);
        labels.put("long", 7L);
        labels.put("double", 7.0);
        labels.put("float", 7.0f);
        labels.put("short", (short) 7);
        labels.put("byte", (byte) 7);
        labels.put("big integer", BigInteger.TEN.pow(30));
        labels.put("big decimal", new BigDecimal("1.250"));
        labels.put("boolean", false);
        labels.put("string", "seven, with ü and 漢");
        labels.put("null", null);
        Object back = ValueCodec.decode(ValueCodec.encode(labels));
        assertThat(back).isEqualTo(labels);
        ((Map<?, ?>) back).forEach((key, value) -> assertThat(value == null ? null : value.getClass())
                .as("type of %s", key).isEqualTo(labels.get(key) == null ? null : labels.get(key).getClass()));
        assertThat(ValueCodec.decode(ValueCodec.encode(List.of(Instant.MAX, Instant.MIN, Duration.ofNanos(-1)))))
                .isEqualTo(List.of(Instant.MAX, Instant.MIN, Duration.ofNanos(-1)));
        String big = "x".repeat(70_000);
        assertThat(ValueCodec.decode(ValueCodec.encode(big))).as("past writeUTF's 64 KiB").isEqualTo(big);
    }

    @Test
    void anUnnamedFunctionRuleHasNoEncoding() {
        assertThatThrownBy(() -> ValueCodec.encode(new FunctionRouterRule(input -> 1)))
                .isInstanceOfSatisfying(RouterException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
                    assertThat(e.getMessage()).contains("unnamed function", "FunctionRouterRule.named");
                });
        FunctionRouterRule named = FunctionRouterRule.named("vip score");
        assertThat(ValueCodec.decode(ValueCodec.encode(named))).isEqualTo(named);
    }

    @Test
    void aValueOfAnotherTypeHasNoEncodingAndSaysWhere() {
        UpsertJob job = new UpsertJob("j1", "voice", "q1", 1, Map.of("id", UUID.randomUUID()), Map.of());
        assertThatThrownBy(() -> ValueCodec.encode(job)).isInstanceOfSatisfying(RouterException.class,
                e -> assertThat(e.getMessage()).contains("UpsertJob.labels[id]", "java.util.UUID"));
    }

    @Test
    void bytesThatAreNotAValueFailSayingWhy() {
        byte[] encoded = ValueCodec.encode(new UpsertJob("j1", "voice", "q1", 1, Map.of(), Map.of()));
        assertThatThrownBy(() -> ValueCodec.decode(java.util.Arrays.copyOf(encoded, encoded.length - 3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cut short");
        assertThatThrownBy(() -> ValueCodec.decode(new byte[] {(byte) 200}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tag 200");
        RecordBuffer named = new RecordBuffer();
        named.writeByte(17);   // a record, named by a class outside the router's packages
        named.writeString("java.lang.ProcessBuilder");
        named.writeByte(0);
        assertThatThrownBy(() -> ValueCodec.decode(named.payload())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not one of the router's");
    }

    // ---- samples

    private void roundTrips(Class<?> type) {
        Object sample = sample(type, type);
        byte[] encoded = ValueCodec.encode(sample);
        assertThat(ValueCodec.decode(encoded)).as("%s back from its encoding", type.getSimpleName()).isEqualTo(sample);
    }

    /** @return the concrete records under a sealed interface, walked through its sealed sub-interfaces */
    private static Set<Class<?>> leaves(Class<?> root) {
        Set<Class<?>> found = new LinkedHashSet<>();
        List<Class<?>> todo = new ArrayList<>(List.of(root));
        while (!todo.isEmpty()) {
            Class<?> next = todo.remove(0);
            if (next.isSealed()) {
                todo.addAll(List.of(next.getPermittedSubclasses()));
            } else {
                assertThat(next.isRecord()).as("%s under %s is a record", next, root).isTrue();
                found.add(next);
            }
        }
        return found;
    }

    private static void reachable(Type type, Set<Class<?>> records) {
        if (type instanceof ParameterizedType parameterized) {
            reachable(parameterized.getRawType(), records);
            for (Type argument : parameterized.getActualTypeArguments()) {
                reachable(argument, records);
            }
        } else if (type instanceof Class<?> c && c.getName().startsWith("dev.jobrouter.")) {
            if (c.isSealed()) {
                for (Class<?> leaf : leaves(c)) {
                    reachable(leaf, records);
                }
            } else if (c.isRecord() && records.add(c)) {
                for (RecordComponent component : c.getRecordComponents()) {
                    reachable(component.getGenericType(), records);
                }
            }
        }
    }

    /** A value of the type with every component set, nanoseconds and typed labels included. */
    private static Object sample(Type type, Class<?> within) {
        if (type instanceof ParameterizedType parameterized) {
            Class<?> raw = (Class<?>) parameterized.getRawType();
            Type[] arguments = parameterized.getActualTypeArguments();
            if (List.class.isAssignableFrom(raw)) {
                return List.of(sample(arguments[0], within));
            }
            if (Set.class.isAssignableFrom(raw)) {
                return Set.of(sample(arguments[0], within));
            }
            if (Map.class.isAssignableFrom(raw)) {
                if (arguments[1] == Object.class) {
                    return Map.of("tier", "gold", "level", 3, "since", 4L, "weight", 0.5, "vip", true);
                }
                return Map.of(sample(arguments[0], within), sample(arguments[1], within));
            }
            return sample(raw, within);
        }
        if (type instanceof TypeVariable<?> || type instanceof WildcardType) {
            return sample(Object.class, within);
        }
        Class<?> c = (Class<?>) type;
        if (c == String.class) {
            return "s-" + within.getSimpleName();
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
        } else if (c == Object.class || c == Number.class) {
            return 7;
        } else if (c.isEnum()) {
            return c.getEnumConstants()[c.getEnumConstants().length - 1];
        } else if (c.isSealed()) {
            Class<?> first = leaves(c).iterator().next();
            return sample(first, first);
        } else if (c.isRecord()) {
            return construct(c);
        } else if (c.isInterface()) {
            return null;   // a function: records hold it by name, with the function itself null
        }
        throw new AssertionError("no sample for " + c + " in " + within);
    }

    private static Object construct(Class<?> record) {
        RecordComponent[] components = record.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = sample(components[i].getGenericType(), record);
        }
        try {
            Constructor<?> constructor = record.getDeclaredConstructor(types);
            return constructor.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("cannot build a sample " + record.getSimpleName() + ": " + e.getCause(), e);
        }
    }
}
