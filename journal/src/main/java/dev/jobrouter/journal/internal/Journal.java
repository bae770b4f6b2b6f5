package dev.jobrouter.journal.internal;

import static java.util.Objects.requireNonNull;

import dev.jobrouter.core.ErrorCode;
import dev.jobrouter.core.RouterException;
import dev.jobrouter.core.command.RouterCommand;
import dev.jobrouter.core.event.RouterEvent;
import dev.jobrouter.core.internal.engine.EngineSnapshot;
import dev.jobrouter.core.internal.host.ExecutionLog;
import dev.jobrouter.journal.DirectoryFiles;
import dev.jobrouter.journal.JournalFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A router's journal in a directory: every command, just before it commits, and every move of a
 * virtual clock, as records of a {@link SegmentedLog}. It is the router's {@link ExecutionLog}: a
 * record that cannot be written fails its command, which then changes nothing.
 *
 * <p>How durable an acknowledged command is depends on how it was opened. With
 * {@code groupCommit}, on the device before the caller hears back: a thread of the journal forces
 * what was written and callers wait, outside the router's lock, until their record is covered, so
 * the commands of many callers share one fsync (a failed fsync fails every caller still waiting,
 * whose commands were never acknowledged, and poisons the journal). Without it, in the kernel (it
 * survives the process, not the machine), and on the device within {@code forceEvery} when that is
 * given.
 *
 * <p>One journal per directory in a machine: a lock file guards it between processes, and a set of
 * open directories within this JVM, since a second channel on the lock file would drop the lock
 * when closed.
 */
public final class Journal implements ExecutionLog, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Journal.class);
    /** A segment is closed and a new one started past this size: the default. */
    public static final long SEGMENT_BYTES = 64L * 1024 * 1024;
    private static final Set<Path> OPEN = ConcurrentHashMap.newKeySet();

    /** A snapshot is taken once this many records were appended since the last one: the default. */
    public static final long SNAPSHOT_EVERY_RECORDS = 200_000;
    private static final Pattern SNAPSHOT = Pattern.compile("snapshot-(\\d{20})\\.bin");

    private final Path directory;
    private final JournalFiles files;
    private final SegmentedLog records;
    private final JournalEntry.Snapshot snapshot;
    private final long snapshotEvery;
    private long lastSnapshotLsn;
    private final List<JournalEntry> recovered;
    private final boolean groupCommit;
    /** The last record appended, and the last known on the device; guarded by {@code this}. */
    private long appended;
    private long durable;
    /** Why group commit stopped: the fsync that failed; guarded by {@code this}. */
    private RouterException syncFailure;
    private boolean closing;
    private final Thread syncer;
    /** Per thread, the last record it appended: what its caller waits for. */
    /** What each record is encoded into, reused; guarded by {@code this}. */
    private final RecordBuffer buffer = new RecordBuffer();
    private final ThreadLocal<long[]> lastAppended = ThreadLocal.withInitial(() -> new long[1]);
    private final JournalEntry.Rules rules;
    private final String rulesFingerprint;
    private final long seed;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final ScheduledExecutorService forcer;

    private Journal(Path directory, JournalFiles files, SegmentedLog records, JournalEntry.Snapshot snapshot,
            long snapshotEvery, List<JournalEntry> recovered, boolean groupCommit, JournalEntry.Rules rules, long seed,
            FileChannel lockChannel, FileLock lock, Duration forceEvery) {
        this.directory = directory;
        this.files = files;
        this.records = records;
        this.snapshot = snapshot;
        this.snapshotEvery = snapshotEvery;
        this.lastSnapshotLsn = snapshot == null ? 0 : snapshot.lsn();
        this.recovered = recovered;
        this.groupCommit = groupCommit;
        this.appended = records.nextLsn() - 1;
        this.durable = appended;
        if (groupCommit) {
            syncer = new Thread(this::syncLoop, "jobrouter-journal-group-commit");
            syncer.setDaemon(true);
            syncer.start();
        } else {
            syncer = null;
        }
        this.rules = rules;
        this.rulesFingerprint = rules.fingerprint();
        this.seed = seed;
        this.lockChannel = lockChannel;
        this.lock = lock;
        if (forceEvery == null) {
            this.forcer = null;
        } else {
            this.forcer = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "jobrouter-journal-fsync");
                thread.setDaemon(true);
                return thread;
            });
            long nanos = forceEvery.toNanos();
            forcer.scheduleWithFixedDelay(this::forceQuietly, nanos, nanos, TimeUnit.NANOSECONDS);
        }
    }

    /**
     * Opens the journal in the directory, creating both when absent, and reads every record.
     *
     * @param directory where the journal lives
     * @param groupCommit whether callers wait until their records are on the device (group commit)
     * @param forceEvery how often a background thread forces what was written, or {@code null} for never
     * @param rules the rule set the router decides with, kept in the journal when it is new to it; a
     *     journal holding commands since its last snapshot that another one decided is refused, since
     *     they would replay to other outcomes
     * @param seedIfNew the engine's seed for a new journal; an existing one keeps its own
     * @return the journal, open
     * @throws RouterException INVALID_ARGUMENT for a path that is a regular file; JOURNAL_FAILED for a
     *     directory already open, a journal that does not read, or one written under other rules
     */
    public static Journal open(Path directory, boolean groupCommit, Duration forceEvery, JournalEntry.Rules rules,
            long seedIfNew) {
        return open(directory, groupCommit, forceEvery, rules, seedIfNew, DirectoryFiles::new,
                SEGMENT_BYTES, SNAPSHOT_EVERY_RECORDS);
    }

    /**
     * Opens the journal as {@link #open(Path, boolean, Duration, JournalEntry.Rules, long)} does, on
     * other files and with another layout.
     *
     * @param directory where the journal lives
     * @param groupCommit whether callers wait until their records are on the device (group commit)
     * @param forceEvery how often a background thread forces what was written, or {@code null} for never
     * @param rules the rule set the router decides with
     * @param seedIfNew the engine's seed for a new journal
     * @param files the files of the directory (the seam where tests inject faults)
     * @param segmentBytes the size after which a new segment starts
     * @param snapshotEvery how many records after the last snapshot the next is written
     * @return the journal, open
     * @throws RouterException as the other {@code open} does; INVALID_ARGUMENT for a {@code snapshotEvery}
     *     or {@code segmentBytes} below 1
     */
    public static Journal open(Path directory, boolean groupCommit, Duration forceEvery, JournalEntry.Rules rules,
            long seedIfNew, Function<Path, JournalFiles> files, long segmentBytes, long snapshotEvery) {
        if (snapshotEvery < 1) {
            throw RouterException.invalid("snapshotEvery must be 1 or more, not " + snapshotEvery);
        }
        requireNonNull(directory, "directory");
        requireNonNull(files, "files");
        requireNonNull(rules, "rules");
        String rulesFingerprint = rules.fingerprint();
        if (Files.isRegularFile(directory)) {
            throw RouterException.invalid("journal directory " + directory + " is a regular file");
        }
        Path key;
        try {
            Files.createDirectories(directory);
            key = directory.toRealPath();
        } catch (IOException e) {
            throw failed("cannot create the journal directory " + directory + ": " + e, e);
        }
        if (!OPEN.add(key)) {
            throw failed("journal " + key + " is already open in this JVM: close that router first", null);
        }
        FileChannel lockChannel = null;
        try {
            lockChannel = FileChannel.open(key.resolve("journal.lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = lockChannel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                throw failed("journal " + key + " is open in another process: stop that router first", null);
            }
            JournalFiles fs = files.apply(key);
            JournalEntry.Snapshot snapshot = newestSnapshot(key, fs);
            SegmentedLog records = SegmentedLog.open(fs, segmentBytes);
            long covered = snapshot == null ? 0 : snapshot.lsn();
            List<SegmentedLog.Entry> after = records.recovered().stream().filter(entry -> entry.lsn() > covered).toList();
            if (snapshot != null && !records.recovered().isEmpty() && records.recovered().get(0).lsn() > covered + 1) {
                throw failed("journal " + key + " has a snapshot at record " + covered + " but its segments start"
                        + " at record " + records.recovered().get(0).lsn() + ": a segment is missing; restore the"
                        + " directory from a backup", null);
            }
            if (snapshot != null && records.nextLsn() <= covered) {
                records.skipTo(covered + 1);   // the snapshot covers every record, the last perhaps torn
            }
            List<JournalEntry> entries = decode(key, after);
            long seed = seedIfNew;
            if (snapshot != null) {
                seed = snapshot.seed();
            } else if (entries.isEmpty()) {
                records.append(ValueCodec.encode(new JournalEntry.Started(seedIfNew)));
            } else if (entries.get(0) instanceof JournalEntry.Started started) {
                seed = started.seed();
            } else {
                throw failed("journal " + key + " does not start with its Started record", null);
            }
            // The state a snapshot holds is state, whatever rules made it; the records after it must replay
            // under the rules given now, so they must have been decided by them.
            JournalEntry.Rules inForce = snapshot == null ? null : snapshot.rules();
            for (JournalEntry entry : entries) {
                if (entry instanceof JournalEntry.Rules written) {
                    inForce = written;
                }
                if (entry instanceof JournalEntry.Executed executed
                        && !executed.rulesFingerprint().equals(rulesFingerprint)) {
                    throw failed("journal " + key + " holds commands decided under other rules (fingerprint "
                            + executed.rulesFingerprint() + ", now " + rulesFingerprint + ") since its last"
                            + " snapshot: build the router with the rules, disabled rules and functions it had, close"
                            + " it (closing writes a snapshot), then build it with the new ones", null);
                }
            }
            if (inForce == null || !inForce.fingerprint().equals(rulesFingerprint)) {
                records.append(ValueCodec.encode(rules));   // other rules from here on: the log keeps their texts
                records.force();
            }
            return new Journal(key, fs, records, snapshot, snapshotEvery, entries, groupCommit, rules, seed,
                    lockChannel, lock, forceEvery);
        } catch (IOException | RuntimeException e) {
            OPEN.remove(key);
            closeQuietly(lockChannel);
            if (e instanceof RouterException routerException) {
                throw routerException;
            }
            throw failed("cannot open the journal in " + key + ": " + e, e);
        }
    }

    private static List<JournalEntry> decode(Path directory, List<SegmentedLog.Entry> entries) {
        List<JournalEntry> decoded = new ArrayList<>(entries.size());
        for (SegmentedLog.Entry entry : entries) {
            try {
                decoded.add((JournalEntry) ValueCodec.decode(entry.payload()));
            } catch (RuntimeException e) {
                throw failed("record " + entry.lsn() + " of journal " + directory + " does not decode (" + e.getMessage()
                        + "): a journal written by another version of the router, or a corrupt one", e);
            }
        }
        return decoded;
    }

    /**
     * @return the records found at opening after the snapshot, if any (its Started record first when
     *     there is none)
     */
    public List<JournalEntry> recovered() {
        return recovered;
    }

    /** @return the newest snapshot found at opening, or {@code null}: recovery starts from it */
    public JournalEntry.Snapshot snapshot() {
        return snapshot;
    }

    /** Reads the newest snapshot, dropping what a crash before its rename left. */
    private static JournalEntry.Snapshot newestSnapshot(Path directory, JournalFiles files) throws IOException {
        String newest = null;
        for (String name : files.list()) {
            if (name.startsWith("snapshot-") && name.endsWith(".tmp")) {
                files.delete(name);   // never renamed, so never the snapshot: its records are all in the log
            } else if (SNAPSHOT.matcher(name).matches() && (newest == null || name.compareTo(newest) > 0)) {
                newest = name;
            }
        }
        if (newest == null) {
            return null;
        }
        Frames.Scan scan = Frames.scan(newest, files.read(newest), false);
        if (scan.frames().size() != 1) {
            throw Frames.corrupt(newest, 0, scan.frames().size() + " records where a snapshot has one");
        }
        try {
            JournalEntry.Snapshot snapshot = (JournalEntry.Snapshot) ValueCodec.decode(scan.frames().get(0).payload());
            if (snapshot.lsn() != scan.frames().get(0).lsn()) {
                throw Frames.corrupt(newest, 0, "it names record " + snapshot.lsn() + " inside record "
                        + scan.frames().get(0).lsn());
            }
            return snapshot;
        } catch (RuntimeException e) {
            if (e instanceof RouterException routerException) {
                throw routerException;
            }
            throw failed("snapshot " + newest + " of journal " + directory + " does not decode (" + e.getMessage()
                    + "): a journal written by another version of the router, or a corrupt one", e);
        }
    }

    /**
     * Now and then, writes a snapshot of the engine at the last record: a temporary file, forced,
     * renamed, the directory forced; then the segments and snapshots it makes needless go. A snapshot
     * that fails loses nothing (the log still holds every record) and is tried again later.
     */
    @Override
    public synchronized void afterCommit(Supplier<EngineSnapshot> state, Instant at) {
        if (appended - lastSnapshotLsn >= snapshotEvery) {
            snapshotNow(state, at);
        }
    }

    /**
     * Writes a snapshot now, unless the last one covers every record or the journal failed: the router
     * calls it as it closes, so the next build restores it and may bring other rules.
     *
     * @param state the engine's snapshot, asked for only when one is written
     * @param at the router's clock
     */
    public synchronized void snapshotNow(Supplier<EngineSnapshot> state, Instant at) {
        if (appended == lastSnapshotLsn || syncFailure != null) {
            return;
        }
        long lsn = appended;
        lastSnapshotLsn = lsn;
        String name = String.format(Locale.ROOT, "snapshot-%020d", lsn);   // ASCII digits, as SNAPSHOT reads them
        try {
            byte[] payload = ValueCodec.encode(new JournalEntry.Snapshot(lsn, state.get(), at, seed, rules));
            ByteBuffer frame = Frames.encode(lsn, payload);
            byte[] bytes = new byte[frame.remaining()];
            frame.get(bytes);
            files.writeAndForce(name + ".tmp", bytes);
            files.rename(name + ".tmp", name + ".bin");
            files.forceDirectory();
            records.dropBefore(lsn + 1);
            for (String old : files.list()) {
                if (SNAPSHOT.matcher(old).matches() && old.compareTo(name + ".bin") < 0) {
                    files.delete(old);
                }
            }
        } catch (IOException | RuntimeException e) {
            log.warn("journal {}: snapshot at record {} failed ({}); the log still holds every record", directory, lsn,
                    e.toString());
        }
    }

    /** @return the engine's seed: the journal's own */
    public long seed() {
        return seed;
    }

    @Override
    public void executed(RouterCommand<?> command, Instant at, List<RouterEvent> events) {
        append(new JournalEntry.Executed(command, at, events, rulesFingerprint));
    }

    @Override
    public void advanced(Instant to) {
        append(new JournalEntry.Advanced(to));
    }

    private void append(JournalEntry entry) {
        long lsn;
        synchronized (this) {
            if (syncFailure != null) {
                throw poisoned();
            }
            ValueCodec.encode(entry, buffer.clear());
            lsn = records.append(buffer);
            appended = lsn;
            if (groupCommit) {
                notifyAll();
            }
        }
        lastAppended.get()[0] = lsn;
    }

    /** With group commit, waits until this thread's last record is on the device. */
    @Override
    public void awaitDurable() {
        if (!groupCommit) {
            return;
        }
        long mine = lastAppended.get()[0];
        synchronized (this) {
            while (durable < mine && syncFailure == null && !closing) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new RouterException(ErrorCode.JOURNAL_FAILED, "interrupted while waiting for record " + mine
                            + " of journal " + directory + " to reach the device; it may or may not have", null, e);
                }
            }
            if (durable < mine) {
                throw syncFailure != null ? poisoned() : new RouterException(ErrorCode.JOURNAL_FAILED,
                        "journal " + directory + " closed before record " + mine + " reached the device");
            }
        }
    }

    /** Forces what was appended, outside the monitor so that appends go on meanwhile, and wakes who waits. */
    private void syncLoop() {
        while (true) {
            long target;
            synchronized (this) {
                while (appended == durable && !closing) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (appended == durable) {
                    return;   // closing, and nothing is left to force
                }
                target = appended;
            }
            try {
                records.forceConcurrently();
                synchronized (this) {
                    durable = Math.max(durable, target);
                    notifyAll();
                }
            } catch (RouterException e) {
                synchronized (this) {
                    syncFailure = e;
                    notifyAll();
                }
                log.error("journal {}: an fsync failed; the commands waiting for it fail and it takes no more", directory,
                        e);
                return;
            }
        }
    }

    private RouterException poisoned() {
        return new RouterException(ErrorCode.JOURNAL_FAILED, "the journal failed earlier and takes no more writes;"
                + " close the router and build it again on the directory to recover it (" + syncFailure.getMessage()
                + ")", null, syncFailure);
    }

    /** Forces what was written, then closes; the directory may be opened again. */
    @Override
    public void close() {
        if (forcer != null) {
            forcer.shutdownNow();
        }
        if (syncer != null) {
            synchronized (this) {
                closing = true;
                notifyAll();
            }
            try {
                syncer.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        closeLog();
    }

    private synchronized void closeLog() {
        try {
            records.force();
        } catch (RouterException e) {
            log.warn("journal {} could not be forced at close: {}", directory, e.getMessage());
        } finally {
            records.close();
            try {
                lock.release();
            } catch (IOException e) {
                log.warn("journal {}: releasing its lock failed", directory, e);
            }
            closeQuietly(lockChannel);
            OPEN.remove(directory);
        }
    }

    private synchronized void forceQuietly() {
        try {
            records.force();
        } catch (RouterException e) {
            log.error("journal {}: the background fsync failed; it takes no more writes", directory, e);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                log.warn("closing a journal lock file failed", e);
            }
        }
    }

    private static RouterException failed(String message, Throwable cause) {
        return new RouterException(ErrorCode.JOURNAL_FAILED, message, null, cause);
    }
}
