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

    /**
     * @return the names of the files in the directory, sorted
     * @throws IOException when the directory cannot be listed
     */
    List<String> list() throws IOException;

    /**
     * @param name a file in the directory
     * @return its whole content
     * @throws IOException when it cannot be read, or is absent
     */
    byte[] read(String name) throws IOException;

    /**
     * Opens a file for appending at its end, creating it when absent.
     *
     * @param name the file
     * @return the file, open for appending
     * @throws IOException when it cannot be opened or created
     */
    AppendableFile openForAppend(String name) throws IOException;

    /**
     * Cuts a file to {@code size} bytes and forces the cut to the device.
     *
     * @param name the file
     * @param size the bytes to keep
     * @throws IOException when the cut or the force fails
     */
    void truncate(String name, long size) throws IOException;

    /**
     * Deletes a file; one that is absent is no error.
     *
     * @param name the file
     * @throws IOException when it cannot be deleted
     */
    void delete(String name) throws IOException;

    /**
     * Writes a new file with the content and forces it to the device; one already there is replaced.
     *
     * @param name the file
     * @param content what it holds
     * @throws IOException when the write or the force fails
     */
    void writeAndForce(String name, byte[] content) throws IOException;

    /**
     * Renames a file atomically, replacing one at the new name.
     *
     * @param from the file's name
     * @param to its new name
     * @throws IOException when the rename fails
     */
    void rename(String from, String to) throws IOException;

    /**
     * Forces the directory itself, so that files created, renamed or deleted in it stay so after a power loss.
     *
     * @throws IOException when the force fails
     */
    void forceDirectory() throws IOException;

    /** A file open for appending. Not thread-safe, except that {@link #force()} may come from another thread. */
    interface AppendableFile extends Closeable {

        /**
         * Writes all the buffer's remaining bytes at the end of the file.
         *
         * @param bytes what to append
         * @throws IOException when the write fails; some of the bytes may be written
         */
        void append(ByteBuffer bytes) throws IOException;

        /**
         * Forces what was appended to the device (an fdatasync).
         *
         * @throws IOException when the force fails
         */
        void force() throws IOException;

        /**
         * @return the file's length, appended bytes included
         * @throws IOException when it cannot be told
         */
        long size() throws IOException;
    }
}
