package dev.jobrouter;

import static dev.jobrouter.Fixtures.OFFER_TTL;
import static dev.jobrouter.Fixtures.T0;
import static dev.jobrouter.Fixtures.onlyOffer;
import static dev.jobrouter.Fixtures.setUp;
import static dev.jobrouter.Fixtures.voiceJob;
import static dev.jobrouter.Fixtures.voiceWorker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jobrouter.core.ErrorCode;
import dev.jobrouter.core.RouterException;
import dev.jobrouter.core.event.RouterEvent;
import dev.jobrouter.core.internal.engine.EngineSnapshot;
import dev.jobrouter.core.model.ExpressionRouterRule;
import dev.jobrouter.core.model.FunctionRouterRule;
import dev.jobrouter.core.model.OfferStatus;
import dev.jobrouter.core.model.RouterJobOffer;
import dev.jobrouter.journal.DirectoryFiles;
import dev.jobrouter.journal.ForwardingJournalFiles;
import dev.jobrouter.journal.JournalFiles;
import dev.jobrouter.journal.internal.Journal;
import dev.jobrouter.journal.internal.JournalEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A router with a journal: what it held comes back after a restart, exactly, and bad settings fail at build. */
class JournalTest {
    @TempDir
    Path directory;

    private JobRouter open(Instant start) {
        return JobRouter.builder().virtualClock(start).journal(directory).build();
    }

    /** Jobs in every state, open offers, a decline with a retry time, a delayed close, labels of every type. */
    private static void traffic(JobRouter router) {
        setUp(router);
        voiceWorker(router, "w1");
        router.worker("w2").capacity(10).channel("voice", 10).queues("q1").availableForOffers(true).upsert();
        router.job("j1").channel("voice").queue("q1").label("int", 7).label("double", 1.5).label("flag", true)
                .label("text", "a").upsert();
        voiceJob(router, "j2");
        RouterJobOffer offer = onlyOffer(router, "w1");
        var accepted = router.acceptJobOffer("w1", offer.offerId());
        router.completeJob(accepted.jobId(), accepted.assignmentId());
        router.advanceBy(Duration.ofNanos(123_456_789));
        router.closeJob(accepted.jobId(), accepted.assignmentId(), "done", router.now().plusSeconds(30));
        router.declineJobOffer("w2", onlyOffer(router, "w2").offerId(), router.now().plusSeconds(20));
        voiceJob(router, "j3");
        router.advanceBy(Duration.ofSeconds(5));
    }

    @Test
    void everythingComesBackExactlyAfterARestart() {
        EngineSnapshot before;
        Instant now;
        try (JobRouter router = open(T0)) {
            traffic(router);
            before = router.snapshot();
            now = router.now();
        }
        try (JobRouter router = open(T0)) {
            assertThat(router.snapshot()).as("jobs, workers, offers, timers, counters").isEqualTo(before);
            assertThat(router.now()).as("the journal's clock wins over an earlier start").isEqualTo(now);
            assertThat(router.getJob("j1").labels()).containsEntry("int", 7).containsEntry("double", 1.5);
            assertThat(router.getJob("j1").labels().get("int")).isInstanceOf(Integer.class);

            List<RouterEvent> events = new ArrayList<>();
            router.onEvent(events::add);
            router.advanceBy(Duration.ofMinutes(5));
            assertThat(events).as("timers fire after recovery, each at its own instant").isNotEmpty()
                    .allMatch(e -> !e.at().isBefore(now));
            voiceJob(router, "j4");
            assertThat(router.getJobOffers("j4")).allMatch(o -> !before.toString().contains(o.offerId() + ","),
                    "a new offer id collides with none before the restart");
        }
    }

    @Test
    void theClockResumesAfterAFinalAdvanceThatFiredNothing() {
        try (JobRouter router = open(T0)) {
            setUp(router);
            router.advanceBy(Duration.ofHours(2));
        }
        try (JobRouter router = open(T0)) {
            assertThat(router.now()).isEqualTo(T0.plus(Duration.ofHours(2)));
        }
    }

    @Test
    void aLaterStartMovesTheClockForwardAsAnAdvanceWould() {
        try (JobRouter router = open(T0)) {
            setUp(router);
            voiceWorker(router, "w1");
            voiceJob(router, "j1");
        }
        try (JobRouter router = open(T0.plus(Duration.ofHours(1)))) {
            assertThat(router.now()).isEqualTo(T0.plus(Duration.ofHours(1)));
            assertThat(router.getJobOffers("j1")).singleElement().satisfies(offer -> {
                assertThat(offer.status()).isEqualTo(OfferStatus.EXPIRED);
                assertThat(offer.expiresAt()).isEqualTo(T0.plus(OFFER_TTL));
            });
        }
        try (JobRouter router = open(T0)) {
            assertThat(router.now()).as("and that advance was journaled").isEqualTo(T0.plus(Duration.ofHours(1)));
        }
    }

    @Test
    void listenersAfterTheBuildHearNothingOfTheReplay() {
        try (JobRouter router = open(T0)) {
            traffic(router);
        }
        List<RouterEvent> events = new ArrayList<>();
        try (JobRouter router = open(T0)) {
            router.onEvent(events::add);
            router.getJob("j1");
        }
        assertThat(events).isEmpty();
    }

    @Test
    void aSecondRouterOnAnOpenDirectoryFailsAndTheFirstGoesOn() {
        try (JobRouter first = open(T0)) {
            setUp(first);
            assertThatThrownBy(() -> open(T0)).isInstanceOfSatisfying(RouterException.class, e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.JOURNAL_FAILED);
                assertThat(e.getMessage()).contains("already open");
            });
            voiceJob(first, "j1");
        }
        try (JobRouter again = open(T0)) {
            assertThat(again.getJob("j1").queueId()).isEqualTo("q1");
        }
    }

    @Test
    void aCopiedDirectoryOpensWhereItWasCopiedTo(@TempDir Path elsewhere) throws IOException {
        try (JobRouter router = open(T0)) {
            traffic(router);
        }
        Path copy = elsewhere.resolve("copy");
        Files.createDirectories(copy);
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.toList()) {
                Files.copy(file, copy.resolve(file.getFileName()));
            }
        }
        try (JobRouter router = JobRouter.builder().virtualClock(T0).journal(copy).build()) {
            assertThat(router.getJob("j3").status()).isNotNull();
        }
    }

    /** A crash in the middle of a write, without the snapshot a close writes: the torn record goes, the rest stays. */
    @Test
    void aTornLastRecordIsCutAndTheRestComesBack(@TempDir Path crashed) throws IOException {
        try (JobRouter router = open(T0)) {
            setUp(router);
            voiceJob(router, "j1");
            voiceJob(router, "j2");
            copyDirectory(directory, crashed);   // as a kill would leave it
        }
        tearLastRecord(crashed);
        try (JobRouter router = JobRouter.builder().virtualClock(T0).journal(crashed).build()) {
            assertThat(router.listJobs()).extracting(j -> j.id()).containsExactly("j1");
            voiceJob(router, "j2");
        }
        try (JobRouter router = JobRouter.builder().virtualClock(T0).journal(crashed).build()) {
            assertThat(router.listJobs()).extracting(j -> j.id()).containsExactly("j1", "j2");
        }
    }

    /** A snapshot covers the torn record: nothing is lost, and numbering goes on after the snapshot. */
    @Test
    void aTornRecordASnapshotCoversLosesNothing() throws IOException {
        try (JobRouter router = open(T0)) {
            setUp(router);
            voiceJob(router, "j1");
            voiceJob(router, "j2");
        }
        tearLastRecord(directory);
        for (int reopen = 0; reopen < 2; reopen++) {
            try (JobRouter router = open(T0)) {
                assertThat(router.listJobs()).extracting(j -> j.id()).startsWith("j1", "j2");
                voiceJob(router, "j" + (3 + reopen));
            }
        }
        try (JobRouter router = open(T0)) {
            assertThat(router.listJobs()).extracting(j -> j.id()).containsExactly("j1", "j2", "j3", "j4");
        }
    }

    /**
     * File names do not follow the default locale: under one whose digits are not ASCII (Arabic, here)
     * segments and snapshots were once named in those digits, which the reader's patterns do not
     * match, so a journal written there came back empty anywhere.
     */
    @Test
    void aJournalWrittenUnderALocaleWithOtherDigitsComesBackUnderAnyLocale() throws IOException {
        Locale before = Locale.getDefault();
        EngineSnapshot written;
        try {
            Locale.setDefault(Locale.forLanguageTag("ar-EG"));
            try (JobRouter router = open(T0)) {
                traffic(router);
                written = router.snapshot();
            }
        } finally {
            Locale.setDefault(before);
        }
        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files.map(file -> file.getFileName().toString()))
                    .as("segments and snapshots named in ASCII digits")
                    .anyMatch(name -> name.matches("segment-[0-9]{20}\\.log"))
                    .anyMatch(name -> name.matches("snapshot-[0-9]{20}\\.bin"))
                    .allMatch(name -> name.chars().allMatch(c -> c < 128));
        }
        try (JobRouter router = open(T0)) {
            assertThat(router.snapshot()).isEqualTo(written);
        }
    }

    /**
     * Zeroes the last five bytes of the newest segment's data, as a crash in the middle of a copy into
     * its mapped window would leave it: the zeros past the data, if the segment is still open, stay.
     */
    private static void tearLastRecord(Path journal) throws IOException {
        Path segment;
        try (Stream<Path> files = Files.list(journal)) {
            segment = files.filter(p -> p.getFileName().toString().startsWith("segment-"))
                    .max(Comparator.naturalOrder()).orElseThrow();
        }
        byte[] content = Files.readAllBytes(segment);
        int end = content.length;
        while (end > 0 && content[end - 1] == 0) {
            end--;
        }
        java.util.Arrays.fill(content, end - 5, end, (byte) 0);
        Files.write(segment, content);
    }

    private static void copyDirectory(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
    }

    @Test
    void otherRulesApplyAfterACleanCloseAndAreRefusedOverCommandsTheyDidNotDecide(@TempDir Path copy)
            throws IOException {
        String vipsStay = UserRulesTest.VIP_JOBS_STAY;

        try (JobRouter router = open(T0)) {
            setUp(router);
            router.job("j1").channel("voice").queue("q1").label("vip", true).upsert();
            copyDirectory(directory, copy);   // as a crash would leave it
        }
        assertThatThrownBy(() -> JobRouter.builder().virtualClock(T0).journal(copy).rules(vipsStay).build())
                .isInstanceOfSatisfying(RouterException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.JOURNAL_FAILED);
                    assertThat(e.getMessage()).contains("other rules", "closing writes a snapshot");
                });
        try (JobRouter router = JobRouter.builder().virtualClock(T0).journal(directory).rules(vipsStay).build()) {
            assertThat(router.getJob("j1").labels()).containsEntry("vip", true);
            assertThatThrownBy(() -> router.cancelJob("j1")).as("the new rules apply from now on")
                    .isInstanceOfSatisfying(RouterException.class,
                            e -> assertThat(e.rule()).isEqualTo("VIP jobs are never cancelled"));
            voiceJob(router, "j2");
        }
        try (JobRouter router = JobRouter.builder().virtualClock(T0).journal(directory).rules(vipsStay).build()) {
            assertThat(router.listJobs()).hasSize(2);
        }
    }

    private static final String DEREGISTER_ON_EXPIRY = "deregister a worker whose offer expired";

    /** The log keeps the rule texts its commands were decided under, not only their fingerprint. */
    @Test
    void theJournalKeepsTheTextsOfTheRulesItsCommandsWereDecidedUnder(@TempDir Path copy) throws IOException {
        String vipsStay = UserRulesTest.VIP_JOBS_STAY;
        try (JobRouter router = JobRouter.builder().virtualClock(T0).journal(directory).rules(vipsStay)
                .disableRule(DEREGISTER_ON_EXPIRY).build()) {
            setUp(router);
            voiceJob(router, "j1");
            copyDirectory(directory, copy);   // as a crash would leave it: no snapshot yet
        }
        String segments;
        try (Stream<Path> files = Files.list(copy)) {
            StringBuilder all = new StringBuilder();
            for (Path file : files.filter(p -> p.getFileName().toString().startsWith("segment-")).toList()) {
                all.append(new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.UTF_8));
            }
            segments = all.toString();
        }
        assertThat(segments).as("the log itself").contains(vipsStay, DEREGISTER_ON_EXPIRY);

        try (Journal journal = Journal.open(directory, false, null, JournalEntry.Rules.named("other rules"), 0)) {
            JournalEntry.Rules kept = journal.snapshot().rules();
            assertThat(kept.drl()).extracting(JournalEntry.Rules.Source::text).containsExactly(vipsStay);
            assertThat(kept.disabledRules()).containsExactly(DEREGISTER_ON_EXPIRY);
        }
        try (Journal journal = Journal.open(directory, false, null, JournalEntry.Rules.named("other rules"), 0)) {
            assertThat(journal.recovered()).as("opened with other rules, the log says so once")
                    .containsExactly(JournalEntry.Rules.named("other rules"));
        }
    }

    @Test
    void onlyNamedFunctionRulesAreJournaled() {
        try (JobRouter router = JobRouter.builder().virtualClock(T0).journal(directory)
                .function("vip", input -> 5).build()) {
            setUp(router);
            EngineSnapshot before = router.snapshot();
            assertThatThrownBy(() -> router.classificationPolicy("unnamed")
                    .prioritizationRule(new FunctionRouterRule(input -> 5)).upsert())
                    .isInstanceOfSatisfying(RouterException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
                        assertThat(e.getMessage()).contains("FunctionRouterRule.named");
                    });
            assertThat(router.snapshot()).as("nothing changed").isEqualTo(before);
            router.classificationPolicy("named").prioritizationRule(FunctionRouterRule.named("vip")).upsert();
            router.classificationPolicy("mvel").prioritizationRule(new ExpressionRouterRule("2")).upsert();
        }
        try (JobRouter router = JobRouter.builder().virtualClock(T0).journal(directory)
                .function("vip", input -> 5).build()) {
            router.job("j1").channel("voice").queue("q1").classificationPolicy("named").upsert();
            assertThat(router.getJob("j1").priority()).isEqualTo(5);
        }
    }

    @Test
    void fsyncDurabilityKeepsEveryCommandToo() {
        try (JobRouter router = JobRouter.builder().virtualClock(T0).journal(directory).durability(Durability.FSYNC)
                .build()) {
            traffic(router);
        }
        try (JobRouter router = JobRouter.builder().virtualClock(T0).journal(directory).durability(Durability.FSYNC)
                .build()) {
            assertThat(router.listJobs()).hasSize(3);
        }
    }

    @Test
    void onTheSystemClockWhatCameDueWhileDownFiresAtRecoveryAtItsOwnInstant() {
        MovableClock clock = new MovableClock(T0);
        try (JobRouter router = JobRouter.builder().clock(clock).journal(directory).build()) {
            setUp(router);
            voiceWorker(router, "w1");
            voiceJob(router, "j1");
        }
        clock.now = T0.plus(Duration.ofHours(3));   // the router was down past the offer's expiry
        try (JobRouter router = JobRouter.builder().clock(clock).journal(directory).build()) {
            assertThat(router.getJobOffers("j1")).singleElement().satisfies(offer -> {
                assertThat(offer.status()).isEqualTo(OfferStatus.EXPIRED);
                assertThat(offer.expiresAt()).isEqualTo(T0.plus(OFFER_TTL));
            });
        }
    }

    @Test
    void aFailedWriteFailsItsCommandWithNothingChangedAndPoisonsTheJournal() {
        FailingFiles[] files = new FailingFiles[1];
        JobRouter.Builder builder = JobRouter.builder().virtualClock(T0).journal(directory)
                .journalFiles(path -> files[0] = new FailingFiles(new DirectoryFiles(path)));
        try (JobRouter router = builder.build()) {
            setUp(router);
            voiceJob(router, "j1");
            EngineSnapshot before = router.snapshot();
            files[0].failing = true;
            assertThatThrownBy(() -> voiceJob(router, "j2")).isInstanceOfSatisfying(RouterException.class, e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.JOURNAL_FAILED);
                assertThat(e.getMessage()).contains("No space left", "build the router again");
            });
            assertThat(router.snapshot()).as("state, ids and timers as before").isEqualTo(before);
            files[0].failing = false;
            assertThatThrownBy(() -> voiceJob(router, "j3")).as("poisoned until reopened")
                    .isInstanceOfSatisfying(RouterException.class,
                            e -> assertThat(e.getMessage()).contains("failed earlier"));
            assertThatThrownBy(() -> router.advanceBy(Duration.ofHours(1))).isInstanceOf(RouterException.class);
            assertThat(router.now()).as("an advance the journal refused leaves the clock").isEqualTo(T0);
        }
        try (JobRouter router = open(T0)) {
            assertThat(router.listJobs()).extracting(j -> j.id()).containsExactly("j1");
            voiceJob(router, "j2");
        }
    }

    @Test
    void atFsyncConcurrentCallersShareFsyncsAndEveryAcknowledgedCommandIsKept() throws Exception {
        FailingFiles[] files = new FailingFiles[1];
        int callers = 16;
        int each = 40;
        try (JobRouter router = JobRouter.builder().virtualClock(T0).journal(directory).durability(Durability.FSYNC)
                .journalFiles(path -> files[0] = new FailingFiles(new DirectoryFiles(path))).build()) {
            setUp(router);
            long forcesBefore = files[0].forces.get();
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(callers);
            List<java.util.concurrent.Future<?>> done = new ArrayList<>();
            for (int c = 0; c < callers; c++) {
                int caller = c;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        voiceJob(router, "j" + caller + "-" + i);
                    }
                }));
            }
            for (var future : done) {
                future.get();
            }
            pool.shutdown();
            long forces = files[0].forces.get() - forcesBefore;
            assertThat(forces).as("fsyncs for %s commands from %s callers", callers * each, callers)
                    .isLessThan(callers * each);
        }
        try (JobRouter router = open(T0)) {
            assertThat(router.listJobs()).hasSize(callers * each);
        }
    }

    /**
     * With an execution log beside the journal (the seam replay tests use), callers still wait for
     * the journal and it still snapshots: found by the property tests, whose power losses lost
     * acknowledged commands while the composite log forgot to wait.
     */
    @Test
    void aLogBesideTheJournalStillWaitsForItAndLetsItSnapshot() throws IOException {
        FailingFiles[] files = new FailingFiles[1];
        List<String> told = new ArrayList<>();
        JobRouter.Builder builder = JobRouter.builder().virtualClock(T0).journal(directory)
                .durability(Durability.FSYNC).executionLog((command, at, events) -> told.add(command.toString()))
                .journalFiles(path -> files[0] = new FailingFiles(new DirectoryFiles(path))).journalLayout(1 << 20, 5);
        try (JobRouter router = builder.build()) {
            setUp(router);
            voiceJob(router, "j1");
            try (Stream<Path> names = Files.list(directory)) {
                assertThat(names.map(p -> p.getFileName().toString())).as("a snapshot every five records")
                        .anyMatch(name -> name.startsWith("snapshot-"));
            }
            files[0].failForce = true;
            assertThatThrownBy(() -> voiceJob(router, "j2")).as("the caller waits for the fsync, which fails")
                    .isInstanceOfSatisfying(RouterException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.JOURNAL_FAILED));
        }
        assertThat(told).isNotEmpty();
    }

    @Test
    void atFsyncAFailedFsyncFailsTheWaitingCallerAndPoisonsTheJournal() {
        FailingFiles[] files = new FailingFiles[1];
        try (JobRouter router = JobRouter.builder().virtualClock(T0).journal(directory).durability(Durability.FSYNC)
                .journalFiles(path -> files[0] = new FailingFiles(new DirectoryFiles(path))).build()) {
            setUp(router);
            files[0].failForce = true;
            assertThatThrownBy(() -> voiceJob(router, "j1")).isInstanceOfSatisfying(RouterException.class, e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.JOURNAL_FAILED);
                assertThat(e.getMessage()).contains("Input/output error");
            });
            files[0].failForce = false;
            assertThatThrownBy(() -> voiceJob(router, "j2")).isInstanceOfSatisfying(RouterException.class,
                    e -> assertThat(e.getMessage()).contains("failed earlier"));
        }
    }

    /**
     * Files whose appends fail, having written half their bytes, while {@code failing} is set, whose
     * forces fail while {@code failForce} is, and whose snapshot steps fail as {@code failSnapshotAt} says.
     */
    private static final class FailingFiles extends ForwardingJournalFiles {
        volatile boolean failing;
        volatile boolean failForce;
        /** Which step of a snapshot fails: 1 its write, 2 its rename, 3 the directory's force, 4 deleting; 0 none. */
        volatile int failSnapshotAt;
        /** Whether the last call renamed: the directory's force after a snapshot's rename is step 3. */
        private volatile boolean renamed;
        final java.util.concurrent.atomic.AtomicLong forces = new java.util.concurrent.atomic.AtomicLong();

        FailingFiles(JournalFiles files) {
            super(files);
        }

        @Override
        public AppendableFile openForAppend(String name) throws IOException {
            AppendableFile file = super.openForAppend(name);
            return new ForwardingAppendableFile(file) {
                @Override
                public void append(java.nio.ByteBuffer bytes) throws IOException {
                    if (failing) {
                        file.append(bytes.slice(bytes.position(), bytes.remaining() / 2));
                        throw new IOException("No space left on device (injected)");
                    }
                    file.append(bytes);
                }

                @Override
                public void force() throws IOException {
                    if (failForce) {
                        throw new IOException("Input/output error (injected)");
                    }
                    forces.incrementAndGet();
                    file.force();
                }
            };
        }

        @Override
        public void delete(String name) throws IOException {
            if (failSnapshotAt == 4) {
                throw new IOException("Input/output error (injected, deleting " + name + ")");
            }
            super.delete(name);
        }

        @Override
        public void writeAndForce(String name, byte[] content) throws IOException {
            if (failSnapshotAt == 1) {
                throw new IOException("No space left on device (injected, writing " + name + ")");
            }
            super.writeAndForce(name, content);
        }

        @Override
        public void rename(String from, String to) throws IOException {
            if (failSnapshotAt == 2) {
                throw new IOException("Input/output error (injected, renaming " + from + ")");
            }
            super.rename(from, to);
            renamed = true;
        }

        @Override
        public void forceDirectory() throws IOException {
            boolean afterRename = renamed;
            renamed = false;
            if (failSnapshotAt == 3 && afterRename) {
                throw new IOException("Input/output error (injected, forcing the directory)");
            }
            super.forceDirectory();
        }
    }

    private JobRouter.Builder compacting(FailingFiles[] files) {
        return JobRouter.builder().virtualClock(T0).journal(directory).journalLayout(2_000, 40)
                .journalFiles(path -> files[0] = new FailingFiles(new DirectoryFiles(path)));
    }

    private static void lifecycles(JobRouter router, int from, int count) {
        for (int i = from; i < from + count; i++) {
            voiceJob(router, "k" + i);
            var accepted = router.acceptJobOffer("w1", onlyOffer(router, "w1").offerId());
            router.closeJob("k" + i, accepted.assignmentId(), "done");
            router.deleteJob("k" + i);
        }
    }

    private List<String> files(String prefix) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(prefix)).sorted().toList();
        }
    }

    @Test
    void snapshotsBoundTheJournalAndRecoveryStartsFromTheNewest() throws IOException {
        FailingFiles[] files = new FailingFiles[1];
        EngineSnapshot before;
        try (JobRouter router = compacting(files).build()) {
            setUp(router);
            voiceWorker(router, "w1");
            lifecycles(router, 0, 60);
            traffic(router);
            before = router.snapshot();
        }
        assertThat(files("snapshot-")).as("the newest snapshot only").hasSize(1).allMatch(n -> n.endsWith(".bin"));
        assertThat(files("segment-").size()).as("segments below the snapshot are gone").isLessThan(10);
        assertThat(files("segment-").get(0)).as("and the first one left is not the first written")
                .isNotEqualTo("segment-00000000000000000001.log");
        try (JobRouter router = compacting(files).build()) {
            assertThat(router.snapshot()).isEqualTo(before);
            voiceJob(router, "after");
        }
        try (JobRouter router = compacting(files).build()) {
            assertThat(router.getJob("after").queueId()).isEqualTo("q1");
        }
    }

    /** A snapshot that fails at any step loses nothing: the log still holds every record. */
    @ParameterizedTest(name = "failing at step {0}")
    @ValueSource(ints = {1, 2, 3, 4})
    void aSnapshotCutShortAtAnyStepLosesNothing(int step) throws IOException {
        FailingFiles[] files = new FailingFiles[1];
        EngineSnapshot before;
        try (JobRouter router = compacting(files).build()) {
            setUp(router);
            voiceWorker(router, "w1");
            lifecycles(router, 0, 8);
            files[0].failSnapshotAt = step;
            lifecycles(router, 8, 30);
            files[0].failSnapshotAt = 0;
            before = router.snapshot();
        }
        Files.write(directory.resolve("snapshot-00000000000000999999.tmp"), new byte[] {1, 2, 3});   // a crash before a rename
        try (JobRouter router = compacting(files).build()) {
            assertThat(router.snapshot()).isEqualTo(before);
            lifecycles(router, 38, 3);
        }
        assertThat(files("snapshot-")).noneMatch(n -> n.endsWith(".tmp"));
    }

    @Test
    void badSettingsFailAtBuildWithAClearError() throws IOException {
        assertInvalid(() -> JobRouter.builder().journal(null), "directory");
        Path file = Files.writeString(directory.resolve("a-file"), "x");
        assertInvalid(() -> JobRouter.builder().journal(file).build(), "regular file");
        assertInvalid(() -> JobRouter.builder().durability(null), "durability");
        assertInvalid(() -> JobRouter.builder().durability(Durability.FSYNC).build(), "needs a journal");
        assertInvalid(() -> JobRouter.builder().fsyncEvery(Duration.ofSeconds(1)).build(), "needs a journal");
        assertInvalid(() -> JobRouter.builder().fsyncEvery(Duration.ZERO), "positive");
        assertInvalid(() -> JobRouter.builder().fsyncEvery(Duration.ofSeconds(-1)), "positive");
        assertInvalid(() -> JobRouter.builder().journal(directory.resolve("j")).durability(Durability.FSYNC)
                .fsyncEvery(Duration.ofSeconds(1)).build(), "fsyncEvery is for Durability.PROCESS");
        try (JobRouter router = JobRouter.builder().virtualClock(T0).journal(directory.resolve("j"))
                .fsyncEvery(Duration.ofMillis(10)).build()) {
            setUp(router);
        }
    }

    private static void assertInvalid(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(RouterException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
            assertThat(e.getMessage()).contains(message);
        });
    }

    /** A clock that is not virtual (timers fire on the router's own thread) and moves only when told. */
    private static final class MovableClock implements InstantSource {
        volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

}
