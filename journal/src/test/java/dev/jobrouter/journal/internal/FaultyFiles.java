package dev.jobrouter.journal.internal;

import dev.jobrouter.journal.ForwardingJournalFiles;
import dev.jobrouter.journal.JournalFiles;
import java.io.IOException;
import java.nio.ByteBuffer;

/** Files that fail on demand: a write that gets some bytes out and then fails, or a force that fails. */
final class FaultyFiles extends ForwardingJournalFiles {
    private int failAppendAfter = -1;
    private boolean failForce;

    FaultyFiles(JournalFiles files) {
        super(files);
    }

    /** The next append writes this many bytes, then throws. */
    void failNextAppendAfter(int bytes) {
        failAppendAfter = bytes;
    }

    void failNextForce() {
        failForce = true;
    }

    @Override
    public AppendableFile openForAppend(String name) throws IOException {
        AppendableFile file = super.openForAppend(name);
        return new ForwardingAppendableFile(file) {
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
        };
    }
}
