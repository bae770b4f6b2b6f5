package dev.jobrouter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobrouter.core.model.ConditionalQueueSelectorAttachment;
import dev.jobrouter.core.model.ExpressionRouterRule;
import dev.jobrouter.core.model.JobStatus;
import dev.jobrouter.core.model.QueueAndMatchMode;
import dev.jobrouter.core.model.ReclassifyExceptionAction;
import dev.jobrouter.core.model.RouterJob;
import dev.jobrouter.core.model.RouterJobPositionDetails;
import dev.jobrouter.core.model.RouterQueueSelector;
import dev.jobrouter.core.model.RouterQueueStatistics;
import dev.jobrouter.core.model.ScheduleAndSuspendMode;
import dev.jobrouter.core.model.WaitTimeExceptionTrigger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's operations tour runs as written and does what its comments say. */
class ReadmeOperationsTest {

    @Test
    void theOperationsSnippetEscalatesShowsStatisticsAndSchedulesACallback() {
        try (JobRouter router = Fixtures.router()) {
            router.queue("priority").distributionPolicy("p1").upsert();
            router.classificationPolicy("escalation")
                  .queueSelectorAttachments(new ConditionalQueueSelectorAttachment(new ExpressionRouterRule("job.Escalated == true"),
                      List.of(RouterQueueSelector.equal("Id", "priority"))))
                  .prioritizationRule(new ExpressionRouterRule("job.Escalated == true ? 10 : 1"))
                  .upsert();
            router.exceptionPolicy("escalate")
                  .rule("waited-5-minutes", new WaitTimeExceptionTrigger(Duration.ofMinutes(5)),
                      new ReclassifyExceptionAction("escalation", Map.of("Escalated", true)))
                  .upsert();
            router.queue("q1").exceptionPolicy("escalate").upsert();

            router.job("call-7").channel("voice").queue("q1").upsert();
            router.job("call-8").channel("voice").queue("q1").upsert();
            RouterJobPositionDetails position = router.getQueuePosition("call-8");
            assertThat(position).isEqualTo(new RouterJobPositionDetails("call-8", 2, "q1", 2, 1.0));
            router.advanceBy(Duration.ofMinutes(5));
            for (String jobId : List.of("call-7", "call-8")) {
                assertThat(router.getJob(jobId).queueId()).isEqualTo("priority");
                assertThat(router.getJob(jobId).priority()).isEqualTo(10);
            }
            RouterQueueStatistics statistics = router.getQueueStatistics("priority");
            assertThat(statistics).isEqualTo(new RouterQueueStatistics("priority", 2, Map.of(10, Duration.ofMinutes(2)),
                    0.0));

            RouterJob callback = router.job("callback-1").channel("voice").queue("q1")
                  .matchingMode(new ScheduleAndSuspendMode(router.now().plus(Duration.ofHours(2))))
                  .note("customer asked for a callback").upsert();
            assertThat(callback.status()).isEqualTo(JobStatus.SCHEDULED);
            router.advanceBy(Duration.ofHours(2));
            assertThat(router.getJob("callback-1").status()).isEqualTo(JobStatus.WAITING_FOR_ACTIVATION);
            assertThat(router.job("callback-1").matchingMode(new QueueAndMatchMode()).upsert().status())
                    .isEqualTo(JobStatus.QUEUED);
        }
    }

    @Test
    void thisTestHoldsTheReadmeSnippetVerbatim() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        Matcher block = Pattern.compile("## Operations.*?```java\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertThat(block.find()).isTrue();
        String source = normalize(Files.readString(Path.of("src/test/java/dev/jobrouter/ReadmeOperationsTest.java")));
        for (String statement : block.group(1).replaceAll("//[^\\n]*", "").split(";")) {
            String code = normalize(statement);
            if (!code.isEmpty() && !code.startsWith("router.advanceBy")) {
                assertThat(source).contains(code);
            }
        }
    }

    private static String normalize(String code) {
        return code.replaceAll("\\s+", " ").strip();
    }
}
