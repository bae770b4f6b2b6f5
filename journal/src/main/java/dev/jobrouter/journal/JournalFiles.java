package dev.jobrouter.journal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * The file operations a journal needs, and nothing more: the seam between the journal and the file
 * system, so that tests can drop unsynced bytes, tear a write or fail an fsync. {@link DirectoryFiles}
 * is the implementation on a local directory. Names are plain file names inside one directory.
 */
public interface JournalFiles {

    /** @return the names of the files in the directory, sorted */
    List<String> list() throws IOException;

    /** @return the whole content of the file */
    byte[] read(String name) throws IOException;

    /** Opens the file for appending at its end, creating it when absent. */
    AppendableFile openForAppend(String name) throws IOException;

    /** Cuts the file to {@code size} bytes and forces the cut to the device. */
    void truncate(String name, long size) throws IOException;

    /** Deletes the file; one that is absent is no error. */
    void delete(String name) throws IOException;

    /** Writes a new file with the content and forces it to the device; one already there is replaced. */
    void writeAndForce(String name, byte[] content) throws IOException;

    /** Renames a file atomically, replacing one at the new name. */
    void rename(String from, String to) throws IOException;

    /** Forces the directory itself, so that files created, renamed or deleted in it stay so after a power loss. */
    void forceDirectory() throws IOException;

    /** A file open for appending. Not thread-safe. */
    interface AppendableFile extends Closeable {

        /** Writes all the buffer's remaining bytes at the end of the file. */
        void append(ByteBuffer bytes) throws IOException;

        /** Forces what was appended to the device (an fdatasync). */
        void force() throws IOException;

        /** @return the file's length, appended bytes included */
        long size() throws IOException;
    }
}
