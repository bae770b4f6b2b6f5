package dev.jobrouter.journal;

import dev.jobrouter.core.RouterException;
import dev.jobrouter.core.model.FunctionRouterRule;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the router's values into bytes and back: commands, events and everything they hold. Every
 * value is written with a tag for its type, so it comes back as the same type (a label's {@code 7} as
 * an {@code Integer}, not a {@code Long}; an instant with its nanoseconds), and nulls come back as
 * nulls, since commands are checked when executed, not when built.
 *
 * <p>Records and enums are written by class name and component, so a new command or model record needs
 * no code here; only records and enums of the router's own packages ({@code dev.jobrouter.}) are read
 * back. A value of any other type has no encoding and fails, as does an unnamed
 * {@link FunctionRouterRule}: a journal keeps the name of a function, never the function.
 *
 * <p>Thread-safe.
 */
final class ValueCodec {
    private static final String OURS = "dev.jobrouter.";

    /** A value's type as written: the ordinals are the format, so new tags go at the end. */
    private enum Tag {
        NULL, STRING, BOOLEAN, INTEGER, LONG, DOUBLE, FLOAT, SHORT, BYTE, BIG_INTEGER, BIG_DECIMAL, INSTANT,
        DURATION, LIST, SET, MAP, ENUM, RECORD
    }

    private static final Tag[] TAGS = Tag.values();

    /**
     * Per record class: its name as written, its components' names and accessors (each as
     * {@code (Object) -> Object}) and its canonical constructor (as {@code (Object[]) -> Object}).
     */
    private record Shape(byte[] name, String[] components, MethodHandle[] accessors, MethodHandle constructor) {}

    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            try {
                MethodHandles.Lookup lookup = MethodHandles.publicLookup();
                RecordComponent[] components = type.getRecordComponents();
                String[] names = new String[components.length];
                MethodHandle[] accessors = new MethodHandle[components.length];
                Class<?>[] types = new Class<?>[components.length];
                for (int i = 0; i < components.length; i++) {
                    names[i] = components[i].getName();
                    accessors[i] = lookup.unreflect(components[i].getAccessor())
                            .asType(MethodType.methodType(Object.class, Object.class));
                    types[i] = components[i].getType();
                }
                MethodHandle constructor = lookup.findConstructor(type, MethodType.methodType(void.class, types))
                        .asSpreader(Object[].class, components.length)
                        .asType(MethodType.methodType(Object.class, Object[].class));
                return new Shape(type.getName().getBytes(StandardCharsets.UTF_8), names, accessors, constructor);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("record " + type.getName() + " is not public: it has no journal encoding",
                        e);
            }
        }
    };

    private ValueCodec() {
    }

    /**
     * @throws RouterException INVALID_ARGUMENT for a value that has no encoding, naming its type and
     *     where it sits
     */
    static byte[] encode(Object value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            write(out, value);
        } catch (Unencodable e) {
            throw RouterException.invalid(e.where() + " is " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);   // cannot happen: the stream is in memory
        }
        return bytes.toByteArray();
    }

    /** @throws IllegalArgumentException for bytes that are not an encoded value, saying why */
    static Object decode(byte[] encoded) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(encoded))) {
            Object value = read(in);
            if (in.available() > 0) {
                throw new IllegalArgumentException(in.available() + " bytes follow the value");
            }
            return value;
        } catch (IOException e) {
            throw new IllegalArgumentException("a value cut short: " + e, e);
        }
    }

    /**
     * A value with no encoding, and where it sits: each container it is in adds its part of the path
     * on the way out, so the path costs nothing while every value encodes.
     */
    private static final class Unencodable extends RuntimeException {
        final java.util.ArrayDeque<String> path = new java.util.ArrayDeque<>();

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

    private static void write(DataOutputStream out, Object value) throws IOException {
        if (value == null) {
            tag(out, Tag.NULL);
        } else if (value instanceof String s) {
            tag(out, Tag.STRING);
            writeString(out, s);
        } else if (value instanceof Boolean b) {
            tag(out, Tag.BOOLEAN);
            out.writeBoolean(b);
        } else if (value instanceof Integer i) {
            tag(out, Tag.INTEGER);
            out.writeInt(i);
        } else if (value instanceof Long l) {
            tag(out, Tag.LONG);
            out.writeLong(l);
        } else if (value instanceof Double d) {
            tag(out, Tag.DOUBLE);
            out.writeDouble(d);
        } else if (value instanceof Float f) {
            tag(out, Tag.FLOAT);
            out.writeFloat(f);
        } else if (value instanceof Short s) {
            tag(out, Tag.SHORT);
            out.writeShort(s);
        } else if (value instanceof Byte b) {
            tag(out, Tag.BYTE);
            out.writeByte(b);
        } else if (value instanceof BigInteger big) {
            tag(out, Tag.BIG_INTEGER);
            writeBytes(out, big.toByteArray());
        } else if (value instanceof BigDecimal big) {
            tag(out, Tag.BIG_DECIMAL);
            writeBytes(out, big.unscaledValue().toByteArray());
            out.writeInt(big.scale());
        } else if (value instanceof Instant instant) {
            tag(out, Tag.INSTANT);
            out.writeLong(instant.getEpochSecond());
            out.writeInt(instant.getNano());
        } else if (value instanceof Duration duration) {
            tag(out, Tag.DURATION);
            out.writeLong(duration.getSeconds());
            out.writeInt(duration.getNano());
        } else if (value instanceof List<?> list) {
            tag(out, Tag.LIST);
            writeAll(out, list);
        } else if (value instanceof Set<?> set) {
            tag(out, Tag.SET);
            writeAll(out, set);
        } else if (value instanceof Map<?, ?> map) {
            tag(out, Tag.MAP);
            out.writeInt(map.size());
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                try {
                    write(out, entry.getKey());
                    write(out, entry.getValue());
                } catch (Unencodable e) {
                    e.path.addFirst("[" + entry.getKey() + "]");
                    throw e;
                }
            }
        } else if (value instanceof Enum<?> constant && ours(constant.getDeclaringClass())) {
            tag(out, Tag.ENUM);
            writeString(out, constant.getDeclaringClass().getName());
            writeString(out, constant.name());
        } else if (value instanceof Record record && ours(record.getClass())) {
            if (record instanceof FunctionRouterRule rule && rule.function() != null) {
                Unencodable unnamed = new Unencodable("an unnamed function rule: a router with a journal"
                        + " takes only functions registered by name (FunctionRouterRule.named)");
                throw unnamed;
            }
            tag(out, Tag.RECORD);
            Shape shape = SHAPES.get(record.getClass());
            writeBytes(out, shape.name());
            out.writeByte(shape.accessors().length);
            for (int i = 0; i < shape.accessors().length; i++) {
                try {
                    write(out, get(shape.accessors()[i], record));
                } catch (Unencodable e) {
                    e.path.addFirst(record.getClass().getSimpleName() + "." + shape.components()[i]);
                    throw e;
                }
            }
        } else {
            Unencodable foreign = new Unencodable("a " + value.getClass().getName() + ", which has no journal encoding");
            throw foreign;
        }
    }

    private static Object read(DataInputStream in) throws IOException {
        int ordinal = in.readUnsignedByte();
        if (ordinal >= TAGS.length) {
            throw new IllegalArgumentException("unknown type tag " + ordinal);
        }
        return switch (TAGS[ordinal]) {
            case NULL -> null;
            case STRING -> readString(in);
            case BOOLEAN -> in.readBoolean();
            case INTEGER -> in.readInt();
            case LONG -> in.readLong();
            case DOUBLE -> in.readDouble();
            case FLOAT -> in.readFloat();
            case SHORT -> in.readShort();
            case BYTE -> in.readByte();
            case BIG_INTEGER -> new BigInteger(readBytes(in));
            case BIG_DECIMAL -> new BigDecimal(new BigInteger(readBytes(in)), in.readInt());
            case INSTANT -> Instant.ofEpochSecond(in.readLong(), in.readInt());
            case DURATION -> Duration.ofSeconds(in.readLong(), in.readInt());
            case LIST -> readAll(in, new ArrayList<>());
            case SET -> readAll(in, new LinkedHashSet<>());
            case MAP -> {
                int size = count(in);
                Map<Object, Object> map = new LinkedHashMap<>();
                for (int i = 0; i < size; i++) {
                    map.put(read(in), read(in));
                }
                yield map;
            }
            case ENUM -> enumConstant(ourClass(readString(in)), readString(in));
            case RECORD -> readRecord(in, ourClass(readString(in)));
        };
    }

    private static Object readRecord(DataInputStream in, Class<?> type) throws IOException {
        if (!type.isRecord()) {
            throw new IllegalArgumentException(type.getName() + " is not a record");
        }
        Shape shape = SHAPES.get(type);
        int components = in.readUnsignedByte();
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

    private static boolean ours(Class<?> type) {
        return type.getName().startsWith(OURS);
    }

    private static Object get(MethodHandle accessor, Object record) {
        try {
            return (Object) accessor.invokeExact(record);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private static void writeAll(DataOutputStream out, Collection<?> values) throws IOException {
        out.writeInt(values.size());
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

    private static <C extends Collection<Object>> C readAll(DataInputStream in, C into) throws IOException {
        int size = count(in);
        for (int i = 0; i < size; i++) {
            into.add(read(in));
        }
        return into;
    }

    private static int count(DataInputStream in) throws IOException {
        int size = in.readInt();
        if (size < 0 || size > in.available()) {
            throw new IllegalArgumentException("a collection of " + size + " values in " + in.available() + " bytes");
        }
        return size;
    }

    /** Strings as a length and UTF-8, since {@code writeUTF} stops at 64 KiB. */
    private static void writeString(DataOutputStream out, String s) throws IOException {
        writeBytes(out, s.getBytes(StandardCharsets.UTF_8));
    }

    private static String readString(DataInputStream in) throws IOException {
        return new String(readBytes(in), StandardCharsets.UTF_8);
    }

    private static void writeBytes(DataOutputStream out, byte[] bytes) throws IOException {
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static byte[] readBytes(DataInputStream in) throws IOException {
        int length = count(in);
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return bytes;
    }

    private static void tag(DataOutputStream out, Tag tag) throws IOException {
        out.writeByte(tag.ordinal());
    }
}
