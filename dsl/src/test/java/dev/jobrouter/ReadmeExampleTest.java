package dev.jobrouter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobrouter.core.model.JobStatus;
import dev.jobrouter.core.model.RouterJob;
import dev.jobrouter.core.model.RouterJobOffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's first example runs as written and does what it says. */
class ReadmeExampleTest {

    @Test
    void theHeroSnippetRunsTheSeedFlow() {
        try (JobRouter router = JobRouter.builder().virtualClock(Instant.parse("2026-01-05T09:00:00Z")).build()) {
            router.distributionPolicy("p1").offerExpiresAfter(Duration.ofMinutes(1)).longestIdle().upsert();
            router.queue("q1").distributionPolicy("p1").upsert();
            router.worker("edmonton").capacity(10).channel("voice", 10).queues("q1")
                  .label("location", "Edmonton").availableForOffers(true).upsert();
            router.job("j1").channel("voice").queue("q1").priority(1).upsert();

            // Query the worker to observe the job offers
            RouterJobOffer offer = router.getWorker("edmonton").offers().get(0);
            // Accept the offer (or: router.declineJobOffer("edmonton", offer.offerId()))
            String assignmentId = router.acceptJobOffer("edmonton", offer.offerId()).assignmentId();
            // Complete, then close with a disposition code, releasing the capacity a day later
            router.completeJob(offer.jobId(), assignmentId);
            router.closeJob(offer.jobId(), assignmentId, "job completed", router.now().plus(Duration.ofDays(1)));
            router.advanceBy(Duration.ofDays(1));                  // the capacity is released now: JobClosed
            // Or cancel and delete
            router.job("j2").channel("voice").queue("q1").upsert();
            router.cancelJob("j2", "job cancelled", "should recreate later");
            router.deleteJob("j2");
            // What the snippet promises (not in the README):
            assertThat(router.getJob("j1").status()).isEqualTo(JobStatus.CLOSED);
            assertThat(router.getJob("j1").dispositionCode()).isEqualTo("job completed");
            assertThat(router.getWorker("edmonton").usedCapacity()).isZero();
            assertThat(router.listJobs()).extracting(RouterJob::id).containsExactly("j1");
        }
    }

    @Test
    void thisTestHoldsTheReadmeSnippetVerbatim() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        Matcher block = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertThat(block.find()).isTrue();
        String source = Files.readString(Path.of("src/test/java/dev/jobrouter/ReadmeExampleTest.java"));
        assertThat(normalize(source)).contains(normalize(block.group(1).strip().replaceFirst("}$", "")));
    }

    @Test
    void theReadmesImportsNameClassesThatExist() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        Matcher imports = Pattern.compile("```java\\n(import .*?)```", Pattern.DOTALL).matcher(readme);
        assertThat(imports.find()).as("README.md has a block of imports").isTrue();
        List<String> classes = imports.group(1).lines().map(String::strip).filter(line -> line.startsWith("import "))
                .map(line -> line.substring("import ".length(), line.length() - 1)).toList();

        assertThat(classes).hasSizeGreaterThan(2);
        for (String name : classes) {
            assertThat(Class.forName(name)).as(name).isNotNull();
        }
    }

    private static String normalize(String code) {
        return code.lines().map(String::strip).filter(line -> !line.isEmpty()).reduce("", (a, b) -> a + b + "\n");
    }
}
