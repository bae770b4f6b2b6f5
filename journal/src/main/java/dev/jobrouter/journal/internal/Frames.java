package dev.jobrouter.journal.internal;

import dev.jobrouter.core.ErrorCode;
import dev.jobrouter.core.RouterException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * How a record sits in a segment: a 16-byte header (payload length, CRC32C, log sequence number)
 * then the payload. The checksum covers the sequence number and the payload, so a record cannot be
 * read under another number. Everything big-endian.
 *
 * <p>Zeros where a record would start, and only zeros from there to the end, are the end of the
 * data: what a mapped file holds past its last append (no record has a zero header, since sequence
 * numbers start at 1).
 *
 * <p>Reading tells a torn tail from corruption: in the last segment, a record cut short by the end of
 * the file, or one whose checksum fails and that only zeros follow, is what a crash in the middle of a
 * write leaves, and is cut off; anything else that does not read is corruption and fails loudly,
 * since skipping it would drop acknowledged commands in silence.
 */
final class Frames {
    static final int HEADER_BYTES = 16;
    /** The largest payload read back: a length above it is corruption, not a record. */
    static final int MAX_PAYLOAD_BYTES = 64 * 1024 * 1024;

    private Frames() {
    }

    /** A record as read back, and where it starts in its file; {@code payload} is not copied. */
    record Frame(long lsn, byte[] payload, long offset) {}

    /** What a segment holds: its records, and where the last whole one ends (a torn record or zeros may follow). */
    record Scan(List<Frame> frames, long validBytes) {}

    static ByteBuffer encode(long lsn, byte[] payload) {
        RecordBuffer record = new RecordBuffer();
        record.writeRaw(payload);
        return frame(lsn, record);
    }

    /**
     * Writes the frame's header into the buffer's first bytes: the payload is not copied.
     *
     * @return the frame, over the buffer's array
     */
    static ByteBuffer frame(long lsn, RecordBuffer record) {
        int length = record.payloadBytes();
        if (length > MAX_PAYLOAD_BYTES) {
            throw RouterException.invalid("a journal record of " + length + " bytes is over the limit of "
                    + MAX_PAYLOAD_BYTES);
        }
        ByteBuffer frame = record.frame();
        frame.putLong(8, lsn);
        frame.putInt(0, length);
        frame.putInt(4, checksum(record.array(), 8, Long.BYTES + length));
        return frame;
    }

    /**
     * @param file the segment's name, for messages
     * @param content the segment's bytes
     * @param last whether it is the journal's last segment, the only one that may end torn
     * @throws RouterException JOURNAL_FAILED naming the file and offset of a record that does not read
     */
    static Scan scan(String file, byte[] content, boolean last) {
        ByteBuffer in = ByteBuffer.wrap(content);
        List<Frame> frames = new ArrayList<>();
        while (in.hasRemaining()) {
            int at = in.position();
            if (in.remaining() < HEADER_BYTES) {
                if (zerosFrom(content, at)) {
                    return new Scan(frames, at);
                }
                return torn(file, at, last, frames, "a header cut short");
            }
            int length = in.getInt();
            int crc = in.getInt();
            long lsn = in.getLong();
            if (length == 0 && crc == 0 && lsn == 0) {
                if (zerosFrom(content, at)) {
                    return new Scan(frames, at);   // a mapped window's unwritten end
                }
                throw corrupt(file, at, "zeros where a record was due, with data after them");
            }
            if (length < 0 || length > MAX_PAYLOAD_BYTES) {
                throw corrupt(file, at, "a record length of " + length);
            }
            if (in.remaining() < length) {
                return torn(file, at, last, frames, "a record cut short");
            }
            if (checksum(content, at + 8, Long.BYTES + length) != crc) {
                if (zerosFrom(content, in.position() + length)) {
                    return torn(file, at, last, frames, "a last record whose checksum fails");
                }
                throw corrupt(file, at, "a record whose checksum fails");
            }
            byte[] payload = new byte[length];
            in.get(payload);
            frames.add(new Frame(lsn, payload, at));
        }
        return new Scan(frames, content.length);
    }

    /** @return whether every byte from {@code from} to the end is zero: no record was begun there */
    private static boolean zerosFrom(byte[] content, int from) {
        for (int i = from; i < content.length; i++) {
            if (content[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static Scan torn(String file, int at, boolean last, List<Frame> frames, String what) {
        if (!last) {
            throw corrupt(file, at, what + " in a segment that is not the last");
        }
        return new Scan(frames, at);
    }

    static RouterException corrupt(String file, long at, String what) {
        return new RouterException(ErrorCode.JOURNAL_FAILED, "journal file " + file + " is corrupt at offset " + at
                + ": " + what + ". Nothing was skipped; restore the directory from a backup, or move this file"
                + " and the ones after it away to recover the journal up to it, losing what they hold");
    }

    /** @return the CRC32C of the bytes: the sequence number's eight, then the payload's */
    private static int checksum(byte[] bytes, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, offset, length);
        return (int) crc.getValue();
    }
}
