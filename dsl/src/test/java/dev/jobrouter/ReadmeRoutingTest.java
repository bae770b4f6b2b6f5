package dev.jobrouter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobrouter.core.model.ExpressionRouterRule;
import dev.jobrouter.core.model.LabelOperator;
import dev.jobrouter.core.model.PassThroughQueueSelectorAttachment;
import dev.jobrouter.core.model.RouterJob;
import dev.jobrouter.core.model.RouterWorkerSelector;
import dev.jobrouter.core.model.StaticWorkerSelectorAttachment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's routing example runs as written and does what its comments say. */
class ReadmeRoutingTest {

    @Test
    void theRoutingSnippetClassifiesSelectsAndExpires() {
        try (JobRouter router = Fixtures.router()) {
            router.queue("fr-support").distributionPolicy("p1").label("Language", "fr").upsert();
            router.classificationPolicy("intake").fallbackQueue("q1")
                  .queueSelectorAttachments(new PassThroughQueueSelectorAttachment("Language", LabelOperator.EQUAL))
                  .prioritizationRule(new ExpressionRouterRule("job.Vip == true ? 10 : 1"))
                  .workerSelectorAttachments(new StaticWorkerSelectorAttachment(RouterWorkerSelector.greaterThanOrEqual("Skill", 5)))
                  .upsert();
            router.worker("ana").capacity(1).channel("voice", 1).queues("fr-support")
                  .label("Skill", 7).availableForOffers(true).upsert();
            RouterJob job = router.job("call-1").channel("voice").classificationPolicy("intake")
                  .label("Language", "fr").label("Vip", true)
                  .workerSelectors(RouterWorkerSelector.equal("Senior", true).expiresAfter(Duration.ofSeconds(30)))
                  .upsert();
            // job.queueId() is "fr-support", job.priority() 10, job.attachedWorkerSelectors() [Skill >= 5];
            // ana is not Senior: 30 seconds later that selector expires and she is offered the call.
            assertThat(job.queueId()).isEqualTo("fr-support");
            assertThat(job.priority()).isEqualTo(10);
            assertThat(job.attachedWorkerSelectors()).extracting(RouterWorkerSelector::key).containsExactly("Skill");
            assertThat(router.getWorker("ana").offers()).isEmpty();
            router.advanceBy(Duration.ofSeconds(30));
            assertThat(Fixtures.onlyOffer(router, "ana").jobId()).isEqualTo("call-1");
        }
    }

    @Test
    void thisTestHoldsTheReadmeSnippetVerbatim() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        Matcher block = Pattern.compile("## Routing.*?```java\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertThat(block.find()).isTrue();
        String source = Files.readString(Path.of("src/test/java/dev/jobrouter/ReadmeRoutingTest.java"));
        String snippet = block.group(1).replace("router.advanceBy(Duration.ofSeconds(30));", "").strip();
        assertThat(normalize(source)).contains(normalize(snippet));
    }

    private static String normalize(String code) {
        return code.replaceAll("\\s+", " ");
    }
}
