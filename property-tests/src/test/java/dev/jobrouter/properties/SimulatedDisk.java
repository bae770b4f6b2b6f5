package dev.jobrouter.properties;

import dev.jobrouter.journal.JournalFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * A journal's directory in memory, knowing of each file how much was written (in the kernel, as it
 * were) and how much was forced (on the device). A crash leaves an image of it: a kill keeps every
 * byte written; a power loss keeps what was forced, then a random part of what was not, so that the
 * last records may be gone or torn. Creating, renaming and deleting files count as forced, since the
 * journal forces the directory after each. It can also fail the next append, after writing some of
 * its bytes, or the next force. Thread-safe: a group commit forces from its own thread.
 */
final class SimulatedDisk implements JournalFiles {
    private static final class File {
        byte[] bytes = new byte[256];
        int size;
        int forced;

        File copy(int keep) {
            File copy = new File();
            copy.bytes = Arrays.copyOf(bytes, Math.max(keep, 1));
            copy.size = keep;
            copy.forced = Math.min(forced, keep);
            return copy;
        }
    }

    private final Map<String, File> files = new TreeMap<>();
    private int failAppendAfter = -1;
    private boolean failForce;
    private int forces;

    /** The next append writes this many of its bytes, then fails. */
    synchronized void failNextAppendAfter(int bytes) {
        failAppendAfter = bytes;
    }

    /** The next force of a file fails, forcing nothing. */
    synchronized void failNextForce() {
        failForce = true;
    }

    /** @return how many forces of a file succeeded so far */
    synchronized int forces() {
        return forces;
    }

    /** @return the disk as a kill leaves it: everything written is there */
    synchronized SimulatedDisk afterKill() {
        SimulatedDisk image = new SimulatedDisk();
        files.forEach((name, file) -> image.files.put(name, file.copy(file.size)));
        return image;
    }

    /**
     * @param random picks how much of what was not forced each file keeps; {@code null} for none
     * @return the disk as a power loss leaves it: of each file, what was forced, and a random part of
     *     what was written after it
     */
    synchronized SimulatedDisk afterPowerLoss(Random random) {
        SimulatedDisk image = new SimulatedDisk();
        files.forEach((name, file) -> {
            int unforced = file.size - file.forced;
            int kept = random == null || unforced == 0 ? 0 : random.nextInt(unforced + 1);
            image.files.put(name, file.copy(file.forced + kept));
        });
        return image;
    }

    @Override
    public synchronized List<String> list() {
        return new ArrayList<>(files.keySet());
    }

    @Override
    public synchronized byte[] read(String name) throws IOException {
        File file = existing(name);
        return Arrays.copyOf(file.bytes, file.size);
    }

    @Override
    public synchronized AppendableFile openForAppend(String name) {
        File file = files.computeIfAbsent(name, absent -> new File());
        return new AppendableFile() {
            private boolean closed;

            @Override
            public void append(ByteBuffer bytes) throws IOException {
                synchronized (SimulatedDisk.this) {
                    check();
                    int length = bytes.remaining();
                    if (failAppendAfter >= 0) {
                        length = Math.min(length, failAppendAfter);
                    }
                    if (file.size + length > file.bytes.length) {
                        file.bytes = Arrays.copyOf(file.bytes, Math.max(file.bytes.length * 2, file.size + length));
                    }
                    bytes.get(file.bytes, file.size, length);
                    file.size += length;
                    if (failAppendAfter >= 0) {
                        failAppendAfter = -1;
                        throw new IOException("No space left on device (simulated)");
                    }
                }
            }

            @Override
            public void force() throws IOException {
                synchronized (SimulatedDisk.this) {
                    check();
                    if (failForce) {
                        failForce = false;
                        throw new IOException("Input/output error (simulated)");
                    }
                    file.forced = file.size;
                    forces++;
                }
            }

            @Override
            public long size() {
                synchronized (SimulatedDisk.this) {
                    return file.size;
                }
            }

            @Override
            public void close() {
                closed = true;
            }

            private void check() throws IOException {
                if (closed) {
                    throw new java.nio.channels.ClosedChannelException();
                }
            }
        };
    }

    @Override
    public synchronized void truncate(String name, long size) throws IOException {
        File file = existing(name);
        file.size = (int) Math.min(file.size, size);
        file.forced = file.size;
    }

    @Override
    public synchronized void delete(String name) {
        files.remove(name);
    }

    @Override
    public synchronized void writeAndForce(String name, byte[] content) {
        File file = new File();
        file.bytes = Arrays.copyOf(content, Math.max(content.length, 1));
        file.size = content.length;
        file.forced = content.length;
        files.put(name, file);
    }

    @Override
    public synchronized void rename(String from, String to) throws IOException {
        files.put(to, existing(from));
        files.remove(from);
    }

    @Override
    public void forceDirectory() {
        // creating, renaming and deleting count as forced already
    }

    private File existing(String name) throws IOException {
        File file = files.get(name);
        if (file == null) {
            throw new NoSuchFileException(name);
        }
        return file;
    }

    @Override
    public String toString() {
        return "a simulated disk";
    }
}
