package dev.jobrouter;

import static dev.jobrouter.Fixtures.T0;
import static dev.jobrouter.Fixtures.voiceWorker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jobrouter.core.ErrorCode;
import dev.jobrouter.core.RouterException;
import dev.jobrouter.core.model.JobStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The DRL example in the README works as the README says. */
class ReadmeRulesTest {

    static String readmeDrl() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        Matcher block = Pattern.compile("```drl\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertThat(block.find()).as("README.md has a ```drl block").isTrue();
        return block.group(1);
    }

    @Test
    void theReadmeExampleRefusesVipCancelsAndDelaysReleases() throws Exception {
        try (JobRouter router = JobRouter.builder().virtualClock(T0).rules("README.md", readmeDrl()).build()) {
            Fixtures.setUp(router);
            router.job("vip-job").channel("voice").queue("q1").label("vip", true).upsert();

            assertThatThrownBy(() -> router.cancelJob("vip-job")).isInstanceOfSatisfying(RouterException.class, e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT);
                assertThat(e.rule()).isEqualTo("VIP jobs are never cancelled");
                assertThat(e.getMessage()).isEqualTo("job vip-job is QUEUED; VIP jobs cannot be cancelled "
                        + "(rule \"VIP jobs are never cancelled\")");
            });

            voiceWorker(router, "w1");
            router.offersFor("w1").first().accept().close("done");
            assertThat(router.getJob("vip-job").status()).isEqualTo(JobStatus.COMPLETED);
            router.advanceBy(Duration.ofSeconds(30));
            assertThat(router.getJob("vip-job").status()).isEqualTo(JobStatus.CLOSED);
            assertThat(router.getWorker("w1").usedCapacity()).isZero();
        }
    }
}
