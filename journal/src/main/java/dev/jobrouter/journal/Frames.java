package dev.jobrouter.journal;

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
 * <p>Reading tells a torn tail from corruption: in the last segment, a record cut short by the end of
 * the file, or one whose checksum fails and that ends exactly at the end of the file, is what a crash
 * in the middle of a write leaves, and is cut off; anything else that does not read is corruption and
 * fails loudly, since skipping it would drop acknowledged commands in silence.
 */
final class Frames {
    static final int HEADER_BYTES = 16;
    /** The largest payload read back: a length above it is corruption, not a record. */
    static final int MAX_PAYLOAD_BYTES = 64 * 1024 * 1024;

    private Frames() {
    }

    /** A record as read back, and where it starts in its file; {@code payload} is not copied. */
    record Frame(long lsn, byte[] payload, long offset) {}

    /** What a segment holds: its records, where the last whole one ends, and whether a torn tail follows. */
    record Scan(List<Frame> frames, long validBytes, boolean tornTail) {}

    static ByteBuffer encode(long lsn, byte[] payload) {
        if (payload.length > MAX_PAYLOAD_BYTES) {
            throw RouterException.invalid("a journal record of " + payload.length + " bytes is over the limit of "
                    + MAX_PAYLOAD_BYTES);
        }
        ByteBuffer frame = ByteBuffer.allocate(HEADER_BYTES + payload.length);
        frame.putInt(payload.length).putInt(checksum(lsn, payload, 0, payload.length)).putLong(lsn).put(payload);
        return frame.flip();
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
                return torn(file, at, last, frames, "a header cut short");
            }
            int length = in.getInt();
            int crc = in.getInt();
            long lsn = in.getLong();
            if (length < 0 || length > MAX_PAYLOAD_BYTES) {
                throw corrupt(file, at, "a record length of " + length);
            }
            if (in.remaining() < length) {
                return torn(file, at, last, frames, "a record cut short");
            }
            if (checksum(lsn, content, in.position(), length) != crc) {
                if (in.remaining() == length) {
                    return torn(file, at, last, frames, "a last record whose checksum fails");
                }
                throw corrupt(file, at, "a record whose checksum fails");
            }
            byte[] payload = new byte[length];
            in.get(payload);
            frames.add(new Frame(lsn, payload, at));
        }
        return new Scan(frames, content.length, false);
    }

    private static Scan torn(String file, int at, boolean last, List<Frame> frames, String what) {
        if (!last) {
            throw corrupt(file, at, what + " in a segment that is not the last");
        }
        return new Scan(frames, at, true);
    }

    static RouterException corrupt(String file, long at, String what) {
        return new RouterException(ErrorCode.JOURNAL_FAILED, "journal file " + file + " is corrupt at offset " + at
                + ": " + what + ". Nothing was skipped; restore the directory from a backup, or move this file"
                + " and the ones after it away to recover the journal up to it, losing what they hold");
    }

    private static int checksum(long lsn, byte[] payload, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(ByteBuffer.allocate(Long.BYTES).putLong(lsn).flip());
        crc.update(payload, offset, length);
        return (int) crc.getValue();
    }
}
