package dev.jobrouter.journal.internal;

import dev.jobrouter.core.ErrorCode;
import dev.jobrouter.core.RouterException;
import dev.jobrouter.journal.JournalFiles;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An append-only log of records with gap-free sequence numbers, kept as segment files named by their
 * first number ({@code segment-00000000000000000001.log}): a new segment starts once the current
 * one holds {@code segmentBytes}, and whole segments below a number can be dropped once a snapshot
 * covers them.
 *
 * <p>Opening reads every segment: a torn tail of the last one (what a crash in the middle of a write
 * leaves) is cut off, and anything else that does not read, a checksum, a length, a gap or a
 * repeat in the numbers, fails with JOURNAL_FAILED. The first failed write or force poisons the log:
 * every later append and force fails too, until the log is opened again, since after a failed write
 * the file's end is unknown and after a failed fsync the kernel may have dropped the pages.
 *
 * <p>Not thread-safe: the router appends under its lock.
 */
public final class SegmentedLog implements AutoCloseable {
    private static final Pattern SEGMENT = Pattern.compile("segment-(\\d{20})\\.log");

    /** A record read back at opening. */
    public record Entry(long lsn, byte[] payload) {}

    private final JournalFiles files;
    private final long segmentBytes;
    private final List<Long> segmentStarts = new ArrayList<>();
    private final List<Entry> recovered;
    /** Volatile: a group commit forces it from its own thread. */
    private volatile JournalFiles.AppendableFile current;
    private long currentBytes;
    private long nextLsn;
    private RouterException poison;

    private SegmentedLog(JournalFiles files, long segmentBytes, List<Entry> recovered, long nextLsn) {
        this.files = files;
        this.segmentBytes = segmentBytes;
        this.recovered = recovered;
        this.nextLsn = nextLsn;
    }

    /**
     * Opens the log in the files, or starts an empty one.
     *
     * @param files the directory's files
     * @param segmentBytes the size after which a new segment starts, 1 or more
     * @return the log, its records read
     * @throws RouterException JOURNAL_FAILED when a segment does not read or cannot be opened
     */
    public static SegmentedLog open(JournalFiles files, long segmentBytes) {
        Objects.requireNonNull(files, "files");
        if (segmentBytes < 1) {
            throw RouterException.invalid("segmentBytes must be 1 or more, not " + segmentBytes);
        }
        try {
            List<String> names = new ArrayList<>();
            for (String name : files.list()) {
                if (SEGMENT.matcher(name).matches()) {
                    names.add(name);   // sorted by name, so by first number: the digits are zero-padded
                }
            }
            List<Entry> entries = new ArrayList<>();
            List<Long> starts = new ArrayList<>();
            long expected = -1;
            long lastBytes = 0;
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(i);
                long first = firstLsnOf(name);
                boolean last = i == names.size() - 1;
                byte[] content = files.read(name);
                Frames.Scan scan = Frames.scan(name, content, last);
                long lsn = first;
                if (expected >= 0 && first != expected) {
                    throw Frames.corrupt(name, 0, "it starts at record " + first + " where " + expected
                            + " was due (a segment is missing or repeated)");
                }
                for (Frames.Frame frame : scan.frames()) {
                    if (frame.lsn() != lsn) {
                        throw Frames.corrupt(name, frame.offset(), "record " + frame.lsn()
                                + " where " + lsn + " was due");
                    }
                    entries.add(new Entry(frame.lsn(), frame.payload()));
                    lsn++;
                }
                if (scan.validBytes() < content.length) {
                    files.truncate(name, scan.validBytes());   // a torn record, or a mapped window's zeros
                }
                starts.add(first);
                expected = lsn;
                lastBytes = scan.validBytes();
            }
            SegmentedLog log = new SegmentedLog(files, segmentBytes, List.copyOf(entries), expected < 0 ? 1 : expected);
            log.segmentStarts.addAll(starts);
            if (!names.isEmpty()) {
                log.current = files.openForAppend(names.get(names.size() - 1));
                log.currentBytes = lastBytes;
            }
            return log;
        } catch (IOException e) {
            throw failed("cannot open the journal in " + files, e);
        }
    }

    /** @return the records found at opening, in order; the caller drops its reference once it has applied them */
    public List<Entry> recovered() {
        return recovered;
    }

    /** @return the number the next append gets: 1 for an empty log */
    public long nextLsn() {
        return nextLsn;
    }

    /**
     * Appends a record: its bytes are in the kernel when this returns, not yet on the device.
     *
     * @param payload the record
     * @return its sequence number
     * @throws RouterException JOURNAL_FAILED when the write fails, or an earlier one did
     */
    public long append(byte[] payload) {
        RecordBuffer record = new RecordBuffer();
        record.writeRaw(payload);
        return append(record);
    }

    /**
     * Appends the record in the buffer, writing its frame's header in place.
     *
     * @return its sequence number
     * @throws RouterException JOURNAL_FAILED when the write fails, or an earlier one did
     */
    long append(RecordBuffer record) {
        checkHealthy();
        long lsn = nextLsn;
        var frame = Frames.frame(lsn, record);
        try {
            if (current == null || currentBytes >= segmentBytes) {
                roll(lsn);
            }
            current.append(frame);
            currentBytes += frame.limit();
            nextLsn++;
            return lsn;
        } catch (IOException e) {
            throw poison("cannot append record " + lsn + " to the journal in " + files, e);
        }
    }

    /**
     * Forces every append so far to the device.
     *
     * @throws RouterException JOURNAL_FAILED when the force fails, or an earlier write or force did
     */
    public void force() {
        checkHealthy();
        if (current == null) {
            return;
        }
        try {
            current.force();
        } catch (IOException e) {
            throw poison("cannot force the journal in " + files + " to its device", e);
        }
    }

    /**
     * Forces the current segment, from a thread other than the one appending: what was appended to it
     * before the call is on the device when this returns. A segment closed meanwhile was forced when
     * its successor started. Does not poison the log; the caller decides what a failure means.
     *
     * @throws RouterException JOURNAL_FAILED when the force fails
     */
    public void forceConcurrently() {
        JournalFiles.AppendableFile file = current;
        if (file == null) {
            return;
        }
        try {
            file.force();
        } catch (java.nio.channels.ClosedChannelException e) {
            // rolled over (forced first) or closed (forced first): nothing is left to force
        } catch (IOException e) {
            throw failed("cannot force the journal in " + files + " to its device", e);
        }
    }

    /**
     * Deletes the segments every record of which comes before {@code lsn}: what a snapshot at it covers.
     *
     * @param lsn the first record to keep
     */
    public void dropBefore(long lsn) {
        try {
            while (segmentStarts.size() > 1 && segmentStarts.get(1) <= lsn) {
                files.delete(nameOf(segmentStarts.get(0)));   // oldest first, so what stays is gap-free
                segmentStarts.remove(0);
            }
            files.forceDirectory();
        } catch (IOException e) {
            throw failed("cannot delete old segments of the journal in " + files, e);
        }
    }

    /**
     * Drops every segment and goes on at {@code lsn}: for a log whose records a snapshot up to
     * {@code lsn - 1} covers, the last of them perhaps torn. The segments go first, so a crash in
     * between leaves none, which opening handles the same way.
     *
     * @param lsn the number the next append gets
     */
    public void skipTo(long lsn) {
        checkHealthy();
        if (lsn < nextLsn) {
            throw new IllegalArgumentException("cannot skip back from " + nextLsn + " to " + lsn);
        }
        try {
            close();
            for (long start : segmentStarts) {
                files.delete(nameOf(start));
            }
            segmentStarts.clear();
            files.forceDirectory();
            nextLsn = lsn;
            roll(lsn);
        } catch (IOException e) {
            throw poison("cannot start the journal in " + files + " again at record " + lsn, e);
        }
    }

    /** @return the segments' first numbers, oldest first; for tests */
    List<Long> segmentStarts() {
        return List.copyOf(segmentStarts);
    }

    @Override
    public void close() {
        if (current == null) {
            return;
        }
        try {
            current.close();
        } catch (IOException e) {
            throw failed("cannot close the journal in " + files, e);
        } finally {
            current = null;
        }
    }

    private void roll(long firstLsn) throws IOException {
        if (current != null) {
            current.force();   // a segment is complete on the device before the next one starts
            current.close();
        }
        current = files.openForAppend(nameOf(firstLsn));
        files.forceDirectory();
        segmentStarts.add(firstLsn);
        currentBytes = 0;
    }

    private void checkHealthy() {
        if (poison != null) {
            throw new RouterException(ErrorCode.JOURNAL_FAILED, "the journal failed earlier and takes no more"
                    + " writes; close the router and build it again on the directory to recover it ("
                    + poison.getMessage() + ")", null, poison);
        }
    }

    private RouterException poison(String what, IOException cause) {
        poison = failed(what, cause);
        return poison;
    }

    private static RouterException failed(String what, IOException cause) {
        return new RouterException(ErrorCode.JOURNAL_FAILED, what + ": " + cause
                + ". Free disk space or fix the device, then build the router again on the directory", null, cause);
    }

    private static long firstLsnOf(String name) {
        Matcher matcher = SEGMENT.matcher(name);
        if (!matcher.matches()) {
            throw new IllegalArgumentException(name);
        }
        return Long.parseLong(matcher.group(1));
    }

    static String nameOf(long firstLsn) {
        return String.format(Locale.ROOT, "segment-%020d.log", firstLsn);   // ASCII digits whatever the default locale
    }
}
