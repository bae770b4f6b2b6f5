package dev.jobrouter.journal;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A file appended to through a memory-mapped window over its end. An append is a copy into the
 * kernel's page cache, with no system call: it survives the process as a {@code write(2)} would, and
 * the machine once forced.
 *
 * <p>The first write to each page of a window faults, which costs more than the copy (measured here,
 * in a virtual machine: 6.5 us a page, against 0.4 us for a plain write of a record). So as a window
 * is mapped, a background thread touches its pages ahead of the appends, and the appending thread
 * mostly finds them ready.
 *
 * <p>The window reaches past what was appended, so the file is longer than its data and ends in
 * zeros until it is closed, when the zeros are cut off. A crash leaves them: {@link Frames} reads
 * zeros after the last record as the end, and opening the journal cuts them off then.
 *
 * <p>{@link #force()} forces the file (an fdatasync), which on Linux, macOS and the BSDs covers pages
 * written through any mapping of it, the windows already left behind included; on Windows it forces
 * the current window too. It may be called from another thread than the one appending.
 */
final class MappedAppendableFile implements JournalFiles.AppendableFile {
    private static final int PAGE = 4096;
    /**
     * Whether a force must flush the mapped window itself: only where the page cache and the
     * mappings are apart (Windows). Elsewhere forcing the file covers the window, and forcing both
     * would flush the device twice (measured here: half the acknowledged commands a second).
     */
    private static final boolean FORCE_WINDOWS = System.getProperty("os.name", "").startsWith("Windows");
    private static final VarHandle INTS = MethodHandles.byteBufferViewVarHandle(int[].class, ByteOrder.nativeOrder());
    /** One thread for every journal of the JVM: touching pages is quick beside the appends it saves. */
    private static final ExecutorService PREFAULT = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "jobrouter-journal-prefault");
        thread.setDaemon(true);
        return thread;
    });

    private final FileChannel channel;
    private final int windowBytes;
    /** Volatile: a group commit forces it from its own thread. */
    private volatile MappedByteBuffer window;
    private Prefault prefault;
    private long size;

    MappedAppendableFile(Path file, int windowBytes) throws IOException {
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        this.windowBytes = windowBytes;
        this.size = channel.size();
    }

    @Override
    public void append(ByteBuffer bytes) throws IOException {
        int length = bytes.remaining();
        MappedByteBuffer current = window;
        if (current == null || current.remaining() < length) {
            current = channel.map(FileChannel.MapMode.READ_WRITE, size, Math.max(windowBytes, length));
            window = current;
            prefault = new Prefault(current);   // the last window's stays valid: the file only grows while open
        }
        current.put(bytes);
        size += length;
    }

    @Override
    public void force() throws IOException {
        MappedByteBuffer current = window;
        if (current != null && FORCE_WINDOWS) {
            current.force();
        }
        channel.force(false);
    }

    @Override
    public long size() {
        return size;
    }

    /**
     * Stops touching pages, since a page past the cut would fault the process, then cuts the zeros
     * past the data off and closes; a system that cannot cut a mapped file keeps them.
     */
    @Override
    public void close() throws IOException {
        window = null;
        if (prefault != null) {
            prefault.stop();
        }
        try {
            if (channel.size() > size) {
                channel.truncate(size);
            }
        } catch (IOException e) {
            // Windows refuses to cut a file with a live mapping: the zeros stay, and read as the end.
        } finally {
            channel.close();
        }
    }

    /**
     * Touches each page of a window by swapping a zero int at its start for a zero, so a page the
     * appends reached first, whose int is not zero, is left as it is and one whose int is still zero
     * stays the same: the touch never changes a byte, whoever gets there first.
     */
    private static final class Prefault implements Runnable {
        private static final int QUEUED = 0;
        private static final int RUNNING = 1;
        private static final int DONE = 2;

        private final MappedByteBuffer window;
        private final AtomicInteger state = new AtomicInteger(QUEUED);
        private final CountDownLatch done = new CountDownLatch(1);
        private volatile boolean stop;

        Prefault(MappedByteBuffer window) {
            this.window = window;
            PREFAULT.execute(this);
        }

        @Override
        public void run() {
            if (!state.compareAndSet(QUEUED, RUNNING)) {
                return;
            }
            try {
                int first = window.alignmentOffset(0, PAGE) == 0 ? 0 : PAGE - window.alignmentOffset(0, PAGE);
                for (int at = first; at <= window.capacity() - Integer.BYTES && !stop; at += PAGE) {
                    INTS.compareAndSet(window, at, 0, 0);
                }
            } finally {
                state.set(DONE);
                done.countDown();
            }
        }

        /** Returns once no page of the window is being touched, nor will be. */
        void stop() {
            stop = true;
            if (state.compareAndSet(QUEUED, DONE)) {
                return;
            }
            boolean interrupted = false;
            while (true) {
                try {
                    done.await();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
