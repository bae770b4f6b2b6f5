package dev.jobrouter.journal.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jobrouter.core.ErrorCode;
import dev.jobrouter.core.RouterException;
import dev.jobrouter.journal.DirectoryFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The segmented log on a real directory: round trips, torn tails, corruption, poisoning and compaction. */
class SegmentedLogTest {
    @TempDir
    Path directory;

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> texts(SegmentedLog log) {
        return log.recovered().stream().map(entry -> new String(entry.payload(), StandardCharsets.UTF_8)).toList();
    }

    private SegmentedLog open(long segmentBytes) {
        return SegmentedLog.open(new DirectoryFiles(directory), segmentBytes);
    }

    private void write(int records, long segmentBytes) {
        try (SegmentedLog log = open(segmentBytes)) {
            for (int i = 0; i < records; i++) {
                log.append(bytes("record " + i));
            }
        }
    }

    private Path lastSegment() throws IOException {
        List<String> names = new DirectoryFiles(directory).list();
        return directory.resolve(names.get(names.size() - 1));
    }

    @Test
    void recordsComeBackInOrderAcrossSegmentsAndNumbersContinue() throws IOException {
        write(10, 60);
        try (SegmentedLog log = open(60)) {
            assertThat(texts(log)).hasSize(10).startsWith("record 0").endsWith("record 9");
            assertThat(log.recovered()).extracting(SegmentedLog.Entry::lsn).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L,
                    8L, 9L, 10L);
            assertThat(log.segmentStarts()).as("a segment starts once one holds 60 bytes").hasSizeGreaterThan(3);
            assertThat(log.append(bytes("record 10"))).isEqualTo(11);
        }
        try (SegmentedLog log = open(60)) {
            assertThat(texts(log)).hasSize(11).endsWith("record 10");
            assertThat(log.nextLsn()).isEqualTo(12);
        }
        ByteBuffer header = ByteBuffer.wrap(Files.readAllBytes(directory.resolve(SegmentedLog.nameOf(1))));
        assertThat(header.getInt(0)).as("payload length, big-endian").isEqualTo(bytes("record 0").length);
        assertThat(header.getLong(8)).as("log sequence number").isEqualTo(1);
    }

    /** What a crash leaves of an open segment: its records, then the rest of its mapped window, zeros. */
    @Test
    void zerosAfterTheRecordsAreTheEndAndAreCutOffAtOpening() throws IOException {
        write(3, 1 << 20);
        Path segment = lastSegment();
        byte[] records = Files.readAllBytes(segment);
        Files.write(segment, java.util.Arrays.copyOf(records, records.length + 10_000));
        try (SegmentedLog log = open(1 << 20)) {
            assertThat(texts(log)).containsExactly("record 0", "record 1", "record 2");
            assertThat(Files.size(segment)).isEqualTo(records.length);
            log.append(bytes("record 3"));
        }
        try (SegmentedLog log = open(1 << 20)) {
            assertThat(texts(log)).endsWith("record 2", "record 3");
        }
    }

    /** A copy into the window cut short: the record's start, then zeros. */
    @Test
    void aRecordCutShortByZerosIsATornTail() throws IOException {
        write(3, 1 << 20);
        Path segment = lastSegment();
        byte[] content = java.util.Arrays.copyOf(Files.readAllBytes(segment), Files.readAllBytes(segment).length + 4096);
        int lastRecord = content.length - 4096 - (Frames.HEADER_BYTES + bytes("record 2").length);
        for (int cut = lastRecord + 1; cut < content.length - 4096; cut++) {
            byte[] torn = content.clone();
            java.util.Arrays.fill(torn, cut, torn.length, (byte) 0);
            Files.write(segment, torn);
            try (SegmentedLog log = open(1 << 20)) {
                assertThat(texts(log)).as("cut at %d", cut).containsExactly("record 0", "record 1");
            }
            Files.write(segment, content);
        }
    }

    /** Zeros are the end only when nothing but zeros follows them: a zeroed record in the middle is corruption. */
    @Test
    void zerosWithRecordsAfterThemAreCorruption() throws IOException {
        write(3, 1 << 20);
        Path segment = lastSegment();
        byte[] content = Files.readAllBytes(segment);
        java.util.Arrays.fill(content, 0, Frames.HEADER_BYTES + bytes("record 0").length, (byte) 0);
        Files.write(segment, content);
        assertThatThrownBy(() -> open(1 << 20)).isInstanceOfSatisfying(RouterException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.JOURNAL_FAILED);
            assertThat(e.getMessage()).contains("offset 0", "zeros where a record was due");
        });
    }

    @Test
    void anEmptyDirectoryIsAnEmptyLogNumberedFromOne() {
        try (SegmentedLog log = open(1024)) {
            assertThat(log.recovered()).isEmpty();
            assertThat(log.nextLsn()).isEqualTo(1);
        }
    }

    @Test
    void aTornTailIsCutOffAtEveryCutPointOfTheLastRecord() throws IOException {
        write(3, 1 << 20);
        Path segment = lastSegment();
        byte[] whole = Files.readAllBytes(segment);
        int lastRecord = whole.length - (Frames.HEADER_BYTES + bytes("record 2").length);
        for (int cut = lastRecord + 1; cut < whole.length; cut++) {
            Files.write(segment, java.util.Arrays.copyOf(whole, cut));
            try (SegmentedLog log = open(1 << 20)) {
                assertThat(texts(log)).as("cut at %s", cut).containsExactly("record 0", "record 1");
                assertThat(Files.size(segment)).as("the torn bytes are gone").isEqualTo(lastRecord);
                assertThat(log.append(bytes("again"))).isEqualTo(3);
            }
            try (SegmentedLog log = open(1 << 20)) {
                assertThat(texts(log)).containsExactly("record 0", "record 1", "again");
            }
        }
    }

    @Test
    void aLastRecordWhoseChecksumFailsIsATornTail() throws IOException {
        write(3, 1 << 20);
        Path segment = lastSegment();
        byte[] content = Files.readAllBytes(segment);
        content[content.length - 1] ^= 1;
        Files.write(segment, content);
        try (SegmentedLog log = open(1 << 20)) {
            assertThat(texts(log)).containsExactly("record 0", "record 1");
        }
    }

    @Test
    void aCorruptRecordBeforeTheTailFailsLoudlyNamingFileAndOffset() throws IOException {
        write(3, 1 << 20);
        Path segment = lastSegment();
        byte[] content = Files.readAllBytes(segment);
        int second = Frames.HEADER_BYTES + bytes("record 0").length;
        content[second + Frames.HEADER_BYTES] ^= 1;   // the first payload byte of record 2 of 3
        Files.write(segment, content);
        assertThatThrownBy(() -> open(1 << 20)).isInstanceOfSatisfying(RouterException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.JOURNAL_FAILED);
            assertThat(e.getMessage()).contains(segment.getFileName().toString(), "offset " + second, "checksum");
        });
        assertThat(Files.readAllBytes(segment)).as("nothing is cut from a corrupt journal").isEqualTo(content);
    }

    @Test
    void aCutInASegmentThatIsNotTheLastIsCorruption() throws IOException {
        write(6, 60);
        Path first = directory.resolve(SegmentedLog.nameOf(1));
        byte[] content = Files.readAllBytes(first);
        Files.write(first, java.util.Arrays.copyOf(content, content.length - 3));
        assertThatThrownBy(() -> open(60)).isInstanceOfSatisfying(RouterException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.JOURNAL_FAILED);
            assertThat(e.getMessage()).contains(first.getFileName().toString(), "not the last");
        });
    }

    @Test
    void aMissingSegmentIsAGapAndFails() throws IOException {
        write(10, 60);
        List<String> names = new DirectoryFiles(directory).list();
        Files.delete(directory.resolve(names.get(1)));
        assertThatThrownBy(() -> open(60)).isInstanceOfSatisfying(RouterException.class,
                e -> assertThat(e.getMessage()).contains(names.get(2), "missing"));
    }

    @Test
    void aFailedWritePoisonsTheLogUntilItIsOpenedAgain() {
        FaultyFiles faulty = new FaultyFiles(new DirectoryFiles(directory));
        try (SegmentedLog log = SegmentedLog.open(faulty, 1 << 20)) {
            log.append(bytes("kept"));
            faulty.failNextAppendAfter(5);   // five bytes reach the file, then the write fails
            assertThatThrownBy(() -> log.append(bytes("lost"))).isInstanceOfSatisfying(RouterException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.JOURNAL_FAILED));
            assertThatThrownBy(() -> log.append(bytes("refused"))).isInstanceOfSatisfying(RouterException.class,
                    e -> assertThat(e.getMessage()).contains("failed earlier", "build it again"));
            assertThatThrownBy(log::force).isInstanceOf(RouterException.class);
        }
        try (SegmentedLog log = open(1 << 20)) {
            assertThat(texts(log)).as("the half-written record was a torn tail").containsExactly("kept");
            assertThat(log.append(bytes("after"))).isEqualTo(2);
        }
    }

    @Test
    void aFailedForcePoisonsTheLog() {
        FaultyFiles faulty = new FaultyFiles(new DirectoryFiles(directory));
        try (SegmentedLog log = SegmentedLog.open(faulty, 1 << 20)) {
            log.append(bytes("one"));
            faulty.failNextForce();
            assertThatThrownBy(log::force).isInstanceOf(RouterException.class);
            assertThatThrownBy(() -> log.append(bytes("two"))).isInstanceOf(RouterException.class);
        }
    }

    @Test
    void droppingBeforeANumberDeletesOnlyWholeSegmentsBelowIt() {
        write(10, 60);
        try (SegmentedLog log = open(60)) {
            List<Long> starts = log.segmentStarts();
            long third = starts.get(2);
            log.dropBefore(third);
            assertThat(log.segmentStarts()).first().isEqualTo(third);
            log.dropBefore(Long.MAX_VALUE);
            assertThat(log.segmentStarts()).as("the current segment always stays").hasSize(1);
        }
        try (SegmentedLog log = open(60)) {
            assertThat(log.recovered()).isNotEmpty().last().extracting(SegmentedLog.Entry::lsn).isEqualTo(10L);
        }
    }

    @Test
    void badSettingsAreInvalidArguments() {
        assertThatThrownBy(() -> open(0)).isInstanceOfSatisfying(RouterException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
    }
}
