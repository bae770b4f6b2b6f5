package dev.jobrouter.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.jobrouter.JobRouter;
import dev.jobrouter.core.ErrorCode;
import dev.jobrouter.core.RouterException;
import dev.jobrouter.core.model.JobStatus;
import dev.jobrouter.core.model.RouterJob;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kill -9 at a random moment, recover, check, and again on the same directory: a child JVM
 * ({@link CrashChild}) runs steps on a router with a journal at the default durability and prints
 * each acknowledgement; the parent kills it with {@code ProcessHandle.destroyForcibly()} after a
 * random number of them, then builds a router on the directory. Every acknowledged step must be there
 * whole (its job closed, or deleted by the next step), and recovery itself checks that every record replays to the events it
 * published. {@code -Djobrouter.crash.cycles=1000} for a long run; 20 by default.
 */
class CrashRecoveryTest {
    private static final int CYCLES = Integer.getInteger("jobrouter.crash.cycles", 20);

    @TempDir
    Path directory;

    /** About three seconds a cycle here; the bound is generous, and grows with the cycles asked for. */
    @Test
    void noAcknowledgedStepIsLostToAKill() {
        assertTimeoutPreemptively(Duration.ofMinutes(2 + CYCLES / 5), this::killAndRecoverCycles);
    }

    private void killAndRecoverCycles() throws Exception {
        SplittableRandom random = new SplittableRandom(Long.getLong("jobrouter.crash.seed", 42L));
        long acknowledged = 0;
        int lastAcknowledged = -1;
        for (int cycle = 0; cycle < CYCLES; cycle++) {
            int killAfter = 1 + random.nextInt(150);
            List<Integer> acked = runAndKill(random.nextLong(), killAfter);
            if (!acked.isEmpty()) {
                assertThat(acked.get(0)).as("cycle %s resumes after the last acknowledged step", cycle)
                        .isGreaterThan(lastAcknowledged);
                lastAcknowledged = acked.get(acked.size() - 1);
            }
            acknowledged += acked.size();
            try (JobRouter router = JobRouter.builder().virtualClock(CrashChild.T0).journal(directory).build()) {
                assertStepsUpTo(lastAcknowledged, router, cycle);
            }
        }
        System.out.printf("crash recovery: %d cycles, %d steps acknowledged (%d commands and more), 0 lost%n",
                CYCLES, acknowledged, acknowledged * 5);
    }

    /**
     * Steps run in order and each deletes the job before its own, so "every step up to {@code last}
     * is there whole" reads: no job older than {@code last} is left, and {@code job-last} is closed
     * or already deleted by a later step whose job is there (the child runs ahead of what the parent
     * read before the kill). Recovery itself checks that every record
     * replays to the events it published, so a lost record in the middle fails it too.
     */
    private static void assertStepsUpTo(int last, JobRouter router, int cycle) {
        Map<Integer, JobStatus> jobs = router.listJobs().stream().collect(Collectors.toMap(
                job -> Integer.parseInt(job.id().substring("job-".length())), RouterJob::status));
        if (last < 0) {
            return;
        }
        assertThat(jobs.keySet()).as("jobs after cycle %s, the last acknowledged step %s", cycle, last)
                .isNotEmpty().allSatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(last));
        if (jobs.containsKey(last)) {
            assertThat(jobs.get(last)).as("acknowledged step %s after cycle %s", last, cycle).isEqualTo(JobStatus.CLOSED);
        } else {
            assertThat(jobs.keySet()).as("step %s deleted by a later one, after cycle %s", last, cycle)
                    .anySatisfy(n -> assertThat(n).isGreaterThan(last));
        }
        assertThat(router.getWorker("w1").usedCapacity()).as("a step cut short holds at most one job")
                .isLessThanOrEqualTo(1);
    }

    /** A file lock keeps a second router off a directory another process has open; the first goes on. */
    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void aDirectoryOpenInAnotherProcessCannotBeOpenedHere() throws Exception {
        Process child = start(7);
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null && !line.startsWith("ACK ")) {
                // the child has the journal open once it acknowledges a step
            }
            assertThat(line).as("the child ran").isNotNull();
            assertThatThrownBy(() -> JobRouter.builder().virtualClock(CrashChild.T0).journal(directory).build())
                    .isInstanceOfSatisfying(RouterException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.JOURNAL_FAILED);
                        assertThat(e.getMessage()).contains("another process");
                    });
            for (int more = 0; more < 5; more++) {
                assertThat(lines.readLine()).as("the child goes on").startsWith("ACK ");
            }
        } finally {
            child.toHandle().destroyForcibly();
            child.waitFor(1, TimeUnit.MINUTES);
        }
    }

    private Process start(long seed) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), CrashChild.class.getName(),
                directory.toString(), Long.toString(seed)).redirectErrorStream(true).start();
    }

    /** @return the steps the child acknowledged before it was killed */
    private List<Integer> runAndKill(long seed, int killAfter) throws IOException, InterruptedException {
        Process child = start(seed);
        List<Integer> acked = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith("ACK ")) {
                    acked.add(Integer.parseInt(line.substring(4)));
                    if (acked.size() >= killAfter) {
                        child.toHandle().destroyForcibly();   // mid-command, most likely: the child runs on
                        break;
                    }
                } else if (!line.startsWith("START ") && !line.startsWith("SLF4J")) {
                    throw new AssertionError("child said: " + line + readRest(lines));
                }
            }
        } finally {
            child.toHandle().destroyForcibly();
            child.waitFor(1, TimeUnit.MINUTES);
        }
        return acked;
    }

    private static String readRest(BufferedReader lines) {
        return lines.lines().limit(40).collect(Collectors.joining("\n", "\n", ""));
    }

}
