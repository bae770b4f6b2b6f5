package dev.jobrouter.journal.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A record as it is encoded: a growable array whose first {@link Frames#HEADER_BYTES} bytes are kept
 * for the frame's header, so the frame is written in place, with no copy of the payload. Reused from
 * record to record. Not thread-safe.
 */
final class RecordBuffer {
    private static final int STRINGS = 256;
    private static final int CACHED_CHARS = 64;
    private final String[] strings = new String[STRINGS];
    private final byte[][] stringBytes = new byte[STRINGS][];
    private byte[] bytes = new byte[1024];
    private int size = Frames.HEADER_BYTES;

    /** Empties the buffer for the next record, keeping its array. */
    RecordBuffer clear() {
        size = Frames.HEADER_BYTES;
        return this;
    }

    /** @return the payload's length so far */
    int payloadBytes() {
        return size - Frames.HEADER_BYTES;
    }

    /** @return a copy of the payload */
    byte[] payload() {
        return Arrays.copyOfRange(bytes, Frames.HEADER_BYTES, size);
    }

    /** @return the whole frame, header and payload, over the array: valid until the next write */
    ByteBuffer frame() {
        return ByteBuffer.wrap(bytes, 0, size);
    }

    /** The array itself, for the header to be written into: valid until the next write. */
    byte[] array() {
        return bytes;
    }

    void writeByte(int value) {
        ensure(1);
        bytes[size++] = (byte) value;
    }

    void writeInt(int value) {
        ensure(Integer.BYTES);
        bytes[size++] = (byte) (value >>> 24);
        bytes[size++] = (byte) (value >>> 16);
        bytes[size++] = (byte) (value >>> 8);
        bytes[size++] = (byte) value;
    }

    void writeLong(long value) {
        writeInt((int) (value >>> 32));
        writeInt((int) value);
    }

    /** An unsigned LEB128 varint: lengths and counts are mostly below 128, so one byte. */
    void writeVarint(int value) {
        ensure(5);
        while ((value & ~0x7F) != 0) {
            bytes[size++] = (byte) ((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        bytes[size++] = (byte) value;
    }

    /** The bytes as they are, with no length. */
    void writeRaw(byte[] value) {
        ensure(value.length);
        System.arraycopy(value, 0, bytes, size, value.length);
        size += value.length;
    }

    void writeBytes(byte[] value) {
        writeVarint(value.length);
        ensure(value.length);
        System.arraycopy(value, 0, bytes, size, value.length);
        size += value.length;
    }

    /**
     * A string as its UTF-8 length and bytes. The same strings come back record after record (the
     * rule set's fingerprint, queue and worker ids, the job's id in each of its events), so their
     * bytes are kept in a small table by hash, and a string found there, the same instance, is not
     * encoded again. Only short strings are kept, so the table holds a few kilobytes at most.
     */
    void writeString(String value) {
        if (value.length() > CACHED_CHARS) {
            writeBytes(value.getBytes(StandardCharsets.UTF_8));   // a long one is rare, and not kept alive
            return;
        }
        int slot = value.hashCode() & (STRINGS - 1);
        byte[] encoded;
        if (strings[slot] == value) {
            encoded = stringBytes[slot];
        } else {
            encoded = value.getBytes(StandardCharsets.UTF_8);
            strings[slot] = value;
            stringBytes[slot] = encoded;
        }
        writeBytes(encoded);
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            if ((long) size + more > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("a journal record over 2 GiB");
            }
            bytes = Arrays.copyOf(bytes, (int) Math.min(Integer.MAX_VALUE - 8, Math.max(bytes.length * 2L, size + more)));
        }
    }
}
