package dev.jobrouter.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Appends through the mapped window, against the prefaulting thread. */
class MappedAppendableFileTest {
    @TempDir
    Path directory;

    /**
     * Appends race the thread that touches a window's pages ahead of them, window after window; what
     * was appended is what the file holds, byte for byte, and closing cuts the window's zeros off.
     */
    @Test
    void aMappedFileHoldsExactlyWhatWasAppended() throws IOException {
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        Random random = new Random(7);
        try (MappedAppendableFile file = new MappedAppendableFile(directory.resolve("mapped"), 3 * 4096)) {
            for (int i = 0; i < 20_000; i++) {
                byte[] record = new byte[1 + random.nextInt(300)];
                random.nextBytes(record);
                expected.write(record, 0, record.length);
                file.append(ByteBuffer.wrap(record));
            }
            assertThat(Files.size(directory.resolve("mapped"))).as("the window's zeros, before closing")
                    .isGreaterThan(expected.size());
            file.force();
        }
        assertThat(Files.readAllBytes(directory.resolve("mapped"))).isEqualTo(expected.toByteArray());
    }

}
