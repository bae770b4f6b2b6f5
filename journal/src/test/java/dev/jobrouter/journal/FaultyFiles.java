package dev.jobrouter.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;

/** Files that fail on demand: a write that gets some bytes out and then fails, or a force that fails. */
final class FaultyFiles implements JournalFiles {
    private final JournalFiles files;
    private int failAppendAfter = -1;
    private boolean failForce;

    FaultyFiles(JournalFiles files) {
        this.files = files;
    }

    /** The next append writes this many bytes, then throws. */
    void failNextAppendAfter(int bytes) {
        failAppendAfter = bytes;
    }

    void failNextForce() {
        failForce = true;
    }

    @Override
    public List<String> list() throws IOException {
        return files.list();
    }

    @Override
    public byte[] read(String name) throws IOException {
        return files.read(name);
    }

    @Override
    public AppendableFile openForAppend(String name) throws IOException {
        AppendableFile file = files.openForAppend(name);
        return new AppendableFile() {
            @Override
            public void append(ByteBuffer bytes) throws IOException {
                if (failAppendAfter >= 0) {
                    int some = failAppendAfter;
                    failAppendAfter = -1;
                    file.append(bytes.slice(bytes.position(), Math.min(some, bytes.remaining())));
                    throw new IOException("No space left on device (injected)");
                }
                file.append(bytes);
            }

            @Override
            public void force() throws IOException {
                if (failForce) {
                    failForce = false;
                    throw new IOException("Input/output error (injected)");
                }
                file.force();
            }

            @Override
            public long size() throws IOException {
                return file.size();
            }

            @Override
            public void close() throws IOException {
                file.close();
            }
        };
    }

    @Override
    public void truncate(String name, long size) throws IOException {
        files.truncate(name, size);
    }

    @Override
    public void delete(String name) throws IOException {
        files.delete(name);
    }

    @Override
    public void writeAndForce(String name, byte[] content) throws IOException {
        files.writeAndForce(name, content);
    }

    @Override
    public void rename(String from, String to) throws IOException {
        files.rename(from, to);
    }

    @Override
    public void forceDirectory() throws IOException {
        files.forceDirectory();
    }
}
