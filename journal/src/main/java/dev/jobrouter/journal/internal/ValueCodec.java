package dev.jobrouter.journal.internal;

import dev.jobrouter.core.RouterException;
import dev.jobrouter.core.model.FunctionRouterRule;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns the router's values into bytes and back: commands, events and everything they hold. Every
 * value is written with a tag for its type, so it comes back as the same type (a label's {@code 7} as
 * an {@code Integer}, not a {@code Long}; an instant with its nanoseconds), and nulls come back as
 * nulls, since commands are checked when executed, not when built.
 *
 * <p>Records and enums are written component by component, so a new command or model record needs no
 * code here. Each is named by its class: the records and enums a {@link JournalEntry} can hold (found
 * by walking its sealed families and record components once) by a 32-bit hash of the class name, any
 * other of the router's own ({@code dev.jobrouter.}) by the name itself. Nothing outside those packages
 * is read back. A value of any other type has no encoding and fails, as does an unnamed
 * {@link FunctionRouterRule}: a journal keeps the name of a function, never the function.
 *
 * <p>Thread-safe.
 */
final class ValueCodec {
    private static final String OURS = "dev.jobrouter.";

    /** A value's type as written: the ordinals are the format, so new tags go at the end. */
    private enum Tag {
        NULL, STRING, BOOLEAN, INTEGER, LONG, DOUBLE, FLOAT, SHORT, BYTE, BIG_INTEGER, BIG_DECIMAL, INSTANT,
        DURATION, LIST, SET, MAP, ENUM, RECORD, KNOWN_ENUM, KNOWN_RECORD
    }

    private static final Tag[] TAGS = Tag.values();

    /**
     * Per class of ours: its name as written, its id when it is a known type (else {@code 0}), and for
     * a record its components' names and accessors (each as {@code (Object) -> Object}) and its
     * canonical constructor (as {@code (Object[]) -> Object}).
     */
    private record Shape(Class<?> type, String name, boolean known, int id, String[] components,
            Function<Object, Object>[] accessors, MethodHandle constructor) {}

    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            return shapeOf(type);
        }
    };

    /** The known types by id: what a {@link JournalEntry} can hold. */
    private static final Map<Integer, Class<?>> KNOWN = knownTypes();

    private ValueCodec() {
    }

    /**
     * @throws RouterException INVALID_ARGUMENT for a value that has no encoding, naming its type and
     *     where it sits
     */
    static byte[] encode(Object value) {
        RecordBuffer out = new RecordBuffer();
        encode(value, out);
        return out.payload();
    }

    /**
     * Appends the value's encoding to the buffer.
     *
     * @throws RouterException INVALID_ARGUMENT for a value that has no encoding, naming its type and
     *     where it sits; the buffer then holds part of it
     */
    static void encode(Object value, RecordBuffer out) {
        try {
            write(out, value);
        } catch (Unencodable e) {
            throw RouterException.invalid(e.where() + " is " + e.getMessage());
        }
    }

    /** @throws IllegalArgumentException for bytes that are not an encoded value, saying why */
    static Object decode(byte[] encoded) {
        Input in = new Input(encoded);
        Object value = read(in);
        if (in.available() > 0) {
            throw new IllegalArgumentException(in.available() + " bytes follow the value");
        }
        return value;
    }

    /** @return the id a known type is written with: a hash of its name, the same in every JVM */
    static int idOf(Class<?> type) {
        return type.getName().hashCode();
    }

    /** @return whether the type is written by id: one a {@link JournalEntry} can hold */
    static boolean isKnown(Class<?> type) {
        return KNOWN.get(idOf(type)) == type;
    }

    /**
     * A value with no encoding, and where it sits: each container it is in adds its part of the path
     * on the way out, so the path costs nothing while every value encodes.
     */
    private static final class Unencodable extends RuntimeException {
        final ArrayDeque<String> path = new ArrayDeque<>();

        Unencodable(String what) {
            super(what, null, false, false);
        }

        /** @return the path, such as {@code UpsertJob.labels[id]}, records within records joined by " > " */
        String where() {
            if (path.isEmpty()) {
                return "the value";
            }
            StringBuilder where = new StringBuilder();
            for (String part : path) {
                if (where.length() > 0 && !part.startsWith("[")) {
                    where.append(" > ");
                }
                where.append(part);
            }
            return where.toString();
        }
    }

    /** The most frequent types first: this chain of tests runs for every value. */
    private static void write(RecordBuffer out, Object value) {
        if (value == null) {
            tag(out, Tag.NULL);
        } else if (value instanceof String s) {
            tag(out, Tag.STRING);
            out.writeString(s);
        } else if (value instanceof Record record) {
            writeRecord(out, record);
        } else if (value instanceof Instant instant) {
            tag(out, Tag.INSTANT);
            out.writeLong(instant.getEpochSecond());
            out.writeInt(instant.getNano());
        } else if (value instanceof Long l) {
            tag(out, Tag.LONG);
            out.writeLong(l);
        } else if (value instanceof Integer i) {
            tag(out, Tag.INTEGER);
            out.writeInt(i);
        } else if (value instanceof Map<?, ?> map) {
            tag(out, Tag.MAP);
            out.writeVarint(map.size());
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                try {
                    write(out, entry.getKey());
                    write(out, entry.getValue());
                } catch (Unencodable e) {
                    e.path.addFirst("[" + entry.getKey() + "]");
                    throw e;
                }
            }
        } else if (value instanceof List<?> list) {
            tag(out, Tag.LIST);
            writeAll(out, list);
        } else if (value instanceof Enum<?> constant) {
            Shape shape = SHAPES.get(constant.getDeclaringClass());
            if (shape == null) {
                throw new Unencodable("a " + constant.getDeclaringClass().getName() + ", which has no journal encoding");
            }
            writeName(out, shape, Tag.KNOWN_ENUM, Tag.ENUM);
            out.writeString(constant.name());
        } else if (value instanceof Boolean b) {
            tag(out, Tag.BOOLEAN);
            out.writeByte(b ? 1 : 0);
        } else if (value instanceof Double d) {
            tag(out, Tag.DOUBLE);
            out.writeLong(Double.doubleToRawLongBits(d));
        } else if (value instanceof Float f) {
            tag(out, Tag.FLOAT);
            out.writeInt(Float.floatToRawIntBits(f));
        } else if (value instanceof Short s) {
            tag(out, Tag.SHORT);
            out.writeInt(s);
        } else if (value instanceof Byte b) {
            tag(out, Tag.BYTE);
            out.writeByte(b);
        } else if (value instanceof BigInteger big) {
            tag(out, Tag.BIG_INTEGER);
            out.writeBytes(big.toByteArray());
        } else if (value instanceof BigDecimal big) {
            tag(out, Tag.BIG_DECIMAL);
            out.writeBytes(big.unscaledValue().toByteArray());
            out.writeInt(big.scale());
        } else if (value instanceof Duration duration) {
            tag(out, Tag.DURATION);
            out.writeLong(duration.getSeconds());
            out.writeInt(duration.getNano());
        } else if (value instanceof Set<?> set) {
            tag(out, Tag.SET);
            writeAll(out, set);
        } else {
            throw new Unencodable("a " + value.getClass().getName() + ", which has no journal encoding");
        }
    }

    private static void writeRecord(RecordBuffer out, Record record) {
        Shape shape = SHAPES.get(record.getClass());
        if (shape == null) {
            throw new Unencodable("a " + record.getClass().getName() + ", which has no journal encoding");
        }
        if (record instanceof FunctionRouterRule rule && rule.function() != null) {
            throw new Unencodable("an unnamed function rule: a router with a journal takes only functions registered"
                    + " by name (FunctionRouterRule.named)");
        }
        writeName(out, shape, Tag.KNOWN_RECORD, Tag.RECORD);
        Function<Object, Object>[] accessors = shape.accessors();
        out.writeByte(accessors.length);
        for (int i = 0; i < accessors.length; i++) {
            try {
                write(out, accessors[i].apply(record));
            } catch (Unencodable e) {
                e.path.addFirst(record.getClass().getSimpleName() + "." + shape.components()[i]);
                throw e;
            }
        }
    }

    private static void writeName(RecordBuffer out, Shape shape, Tag known, Tag named) {
        if (shape.known()) {
            tag(out, known);
            out.writeInt(shape.id());
        } else {
            tag(out, named);
            out.writeString(shape.name());
        }
    }

    private static Object read(Input in) {
        int ordinal = in.readByte() & 0xFF;
        if (ordinal >= TAGS.length) {
            throw new IllegalArgumentException("unknown type tag " + ordinal);
        }
        return switch (TAGS[ordinal]) {
            case NULL -> null;
            case STRING -> in.readString();
            case BOOLEAN -> in.readByte() != 0;
            case INTEGER -> in.readInt();
            case LONG -> in.readLong();
            case DOUBLE -> Double.longBitsToDouble(in.readLong());
            case FLOAT -> Float.intBitsToFloat(in.readInt());
            case SHORT -> (short) in.readInt();
            case BYTE -> in.readByte();
            case BIG_INTEGER -> new BigInteger(in.readBytes());
            case BIG_DECIMAL -> new BigDecimal(new BigInteger(in.readBytes()), in.readInt());
            case INSTANT -> Instant.ofEpochSecond(in.readLong(), in.readInt());
            case DURATION -> Duration.ofSeconds(in.readLong(), in.readInt());
            case LIST -> readAll(in, new ArrayList<>());
            case SET -> readAll(in, new LinkedHashSet<>());
            case MAP -> {
                int size = in.readCount();
                Map<Object, Object> map = new LinkedHashMap<>();
                for (int i = 0; i < size; i++) {
                    map.put(read(in), read(in));
                }
                yield map;
            }
            case ENUM -> enumConstant(ourClass(in.readString()), in.readString());
            case RECORD -> readRecord(in, ourClass(in.readString()));
            case KNOWN_ENUM -> enumConstant(knownClass(in.readInt()), in.readString());
            case KNOWN_RECORD -> readRecord(in, knownClass(in.readInt()));
        };
    }

    private static Object readRecord(Input in, Class<?> type) {
        if (!type.isRecord()) {
            throw new IllegalArgumentException(type.getName() + " is not a record");
        }
        Shape shape = SHAPES.get(type);
        int components = in.readByte() & 0xFF;
        if (components != shape.accessors().length) {
            throw new IllegalArgumentException(type.getName() + " has " + shape.accessors().length
                    + " components, the journal " + components);
        }
        Object[] values = new Object[components];
        for (int i = 0; i < components; i++) {
            values[i] = read(in);
        }
        try {
            return (Object) shape.constructor().invokeExact(values);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalArgumentException("cannot rebuild a " + type.getName() + ": " + e, e);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumConstant(Class<?> type, String name) {
        if (!type.isEnum()) {
            throw new IllegalArgumentException(type.getName() + " is not an enum");
        }
        return Enum.valueOf((Class) type, name);
    }

    private static Class<?> knownClass(int id) {
        Class<?> type = KNOWN.get(id);
        if (type == null) {
            throw new IllegalArgumentException("type id " + id + " is unknown to this version of the router");
        }
        return type;
    }

    private static Class<?> ourClass(String name) {
        if (!name.startsWith(OURS)) {
            throw new IllegalArgumentException("class " + name + " is not one of the router's");
        }
        try {
            return Class.forName(name, false, ValueCodec.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("class " + name + " is unknown to this version of the router", e);
        }
    }

    private static void writeAll(RecordBuffer out, Collection<?> values) {
        out.writeVarint(values.size());
        int i = 0;
        for (Object value : values) {
            try {
                write(out, value);
            } catch (Unencodable e) {
                e.path.addFirst("[" + i + "]");
                throw e;
            }
            i++;
        }
    }

    private static <C extends Collection<Object>> C readAll(Input in, C into) {
        int size = in.readCount();
        for (int i = 0; i < size; i++) {
            into.add(read(in));
        }
        return into;
    }

    private static void tag(RecordBuffer out, Tag tag) {
        out.writeByte(tag.ordinal());
    }

    /** @return the class's shape, or {@code null} for a class outside the router's packages */
    private static Shape shapeOf(Class<?> type) {
        String name = type.getName();
        if (!name.startsWith(OURS)) {
            return null;
        }
        boolean known = KNOWN != null && KNOWN.get(idOf(type)) == type;
        if (!type.isRecord()) {
            return new Shape(type, name, known, idOf(type), null, null, null);
        }
        try {
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            RecordComponent[] components = type.getRecordComponents();
            String[] names = new String[components.length];
            @SuppressWarnings("unchecked")
            Function<Object, Object>[] accessors = new Function[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                names[i] = components[i].getName();
                accessors[i] = accessor(lookup.unreflect(components[i].getAccessor()));
                types[i] = components[i].getType();
            }
            MethodHandle constructor = lookup.findConstructor(type, MethodType.methodType(void.class, types))
                    .asSpreader(Object[].class, components.length)
                    .asType(MethodType.methodType(Object.class, Object[].class));
            return new Shape(type, name, known, idOf(type), names, accessors, constructor);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("record " + name + " is not public: it has no journal encoding", e);
        }
    }

    /**
     * A component's accessor as a function: a lambda the JIT inlines like a call written by hand,
     * where calling a method handle held in an array costs several times as much per component.
     */
    @SuppressWarnings("unchecked")
    private static Function<Object, Object> accessor(MethodHandle getter) {
        try {
            MethodType erased = MethodType.methodType(Object.class, Object.class);
            return (Function<Object, Object>) LambdaMetafactory.metafactory(MethodHandles.lookup(), "apply",
                    MethodType.methodType(Function.class), erased, getter, getter.type().wrap()).getTarget().invoke();
        } catch (Throwable e) {
            throw new IllegalStateException("cannot make an accessor of " + getter, e);
        }
    }

    /**
     * Walks what a journal entry can hold: the leaves of sealed families, record components, the
     * elements and keys of their collections. Two names with one hash would make reading ambiguous,
     * so the walk refuses them (the day it happens, one of the two classes must be renamed).
     */
    private static Map<Integer, Class<?>> knownTypes() {
        Map<Integer, Class<?>> known = new HashMap<>();
        ArrayDeque<Type> todo = new ArrayDeque<>(List.of(JournalEntry.class));
        Set<Type> seen = new java.util.HashSet<>();
        while (!todo.isEmpty()) {
            Type next = todo.poll();
            if (!seen.add(next)) {
                continue;
            }
            if (next instanceof ParameterizedType parameterized) {
                todo.add(parameterized.getRawType());
                todo.addAll(List.of(parameterized.getActualTypeArguments()));
            } else if (next instanceof Class<?> type && type.getName().startsWith(OURS)) {
                if (type.isSealed()) {
                    todo.addAll(List.of(type.getPermittedSubclasses()));
                }
                if (type.isRecord() || type.isEnum()) {
                    Class<?> other = known.putIfAbsent(idOf(type), type);
                    if (other != null && other != type) {
                        throw new IllegalStateException(type.getName() + " and " + other.getName()
                                + " hash alike: rename one, or the journal cannot tell them apart");
                    }
                }
                if (type.isRecord()) {
                    for (RecordComponent component : type.getRecordComponents()) {
                        todo.add(component.getGenericType());
                    }
                }
            }
        }
        return Map.copyOf(known);
    }

    /** The bytes of a value being read, every read checked against their end. */
    private static final class Input {
        private final byte[] bytes;
        private int at;

        Input(byte[] bytes) {
            this.bytes = bytes;
        }

        int available() {
            return bytes.length - at;
        }

        private void need(int count) {
            if (count > bytes.length - at) {
                throw new IllegalArgumentException("a value cut short: " + count + " bytes wanted at offset " + at
                        + " of " + bytes.length);
            }
        }

        byte readByte() {
            need(1);
            return bytes[at++];
        }

        int readInt() {
            need(Integer.BYTES);
            int value = (bytes[at] & 0xFF) << 24 | (bytes[at + 1] & 0xFF) << 16 | (bytes[at + 2] & 0xFF) << 8
                    | (bytes[at + 3] & 0xFF);
            at += Integer.BYTES;
            return value;
        }

        long readLong() {
            return (long) readInt() << 32 | (readInt() & 0xFFFFFFFFL);
        }

        int readVarint() {
            int value = 0;
            for (int shift = 0; shift < 35; shift += 7) {
                byte b = readByte();
                value |= (b & 0x7F) << shift;
                if (b >= 0) {
                    return value;
                }
            }
            throw new IllegalArgumentException("a length of more than five bytes at offset " + at);
        }

        /** @return a length or count, which cannot be more than the bytes left (each value takes one at least) */
        int readCount() {
            int count = readVarint();
            if (count < 0 || count > available()) {
                throw new IllegalArgumentException("a value cut short: " + count + " items in " + available() + " bytes");
            }
            return count;
        }

        byte[] readBytes() {
            int length = readCount();
            byte[] value = java.util.Arrays.copyOfRange(bytes, at, at + length);
            at += length;
            return value;
        }

        String readString() {
            int length = readCount();
            String value = new String(bytes, at, length, StandardCharsets.UTF_8);
            at += length;
            return value;
        }
    }
}
