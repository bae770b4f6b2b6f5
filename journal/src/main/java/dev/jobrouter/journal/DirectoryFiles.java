package dev.jobrouter.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * {@link JournalFiles} on a directory of the local file system. Appends go to a memory-mapped window
 * at the file's end (see {@link MappedAppendableFile}); everything else is plain {@link FileChannel}
 * calls.
 */
public final class DirectoryFiles implements JournalFiles {
    /** How much of a file's end is mapped at once, by default. */
    public static final int MAPPED_BYTES = 16 * 1024 * 1024;

    private final Path directory;
    private final int mappedBytes;

    /** @param directory an existing directory */
    public DirectoryFiles(Path directory) {
        this(directory, MAPPED_BYTES);
    }

    /**
     * @param directory an existing directory
     * @param mappedBytes how much of a file's end to map at once for appends, 1 or more
     */
    public DirectoryFiles(Path directory, int mappedBytes) {
        this.directory = Objects.requireNonNull(directory, "directory");
        if (mappedBytes < 1) {
            throw new IllegalArgumentException("mappedBytes must be 1 or more, not " + mappedBytes);
        }
        this.mappedBytes = mappedBytes;
    }

    @Override
    public List<String> list() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(Files::isRegularFile).map(path -> path.getFileName().toString()).sorted().toList();
        }
    }

    @Override
    public byte[] read(String name) throws IOException {
        return Files.readAllBytes(directory.resolve(name));
    }

    @Override
    public AppendableFile openForAppend(String name) throws IOException {
        return new MappedAppendableFile(directory.resolve(name), mappedBytes);
    }

    @Override
    public void truncate(String name, long size) throws IOException {
        try (FileChannel channel = FileChannel.open(directory.resolve(name), StandardOpenOption.WRITE)) {
            channel.truncate(size);
            channel.force(true);
        }
    }

    @Override
    public void delete(String name) throws IOException {
        Files.deleteIfExists(directory.resolve(name));
    }

    @Override
    public void writeAndForce(String name, byte[] content) throws IOException {
        try (FileChannel channel = FileChannel.open(directory.resolve(name), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer bytes = ByteBuffer.wrap(content);
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(true);
        }
    }

    @Override
    public void rename(String from, String to) throws IOException {
        Files.move(directory.resolve(from), directory.resolve(to), java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void forceDirectory() throws IOException {
        // Opening a directory for reading and forcing it is how the JDK reaches fsync(2) on it (Linux, macOS).
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    @Override
    public String toString() {
        return directory.toString();
    }
}
