package dev.jobrouter.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;

/**
 * {@link JournalFiles} that hands every call to other files: extend it and override the calls to
 * change, such as a test's layer that fails a write or an fsync on demand.
 */
public class ForwardingJournalFiles implements JournalFiles {
    private final JournalFiles files;

    /** @param files where every call goes */
    public ForwardingJournalFiles(JournalFiles files) {
        this.files = Objects.requireNonNull(files, "files");
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
        return files.openForAppend(name);
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

    /** An {@link AppendableFile} that hands every call to another: extend it likewise. */
    public static class ForwardingAppendableFile implements AppendableFile {
        private final AppendableFile file;

        /** @param file where every call goes */
        public ForwardingAppendableFile(AppendableFile file) {
            this.file = Objects.requireNonNull(file, "file");
        }

        @Override
        public void append(ByteBuffer bytes) throws IOException {
            file.append(bytes);
        }

        @Override
        public void force() throws IOException {
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
    }
}
