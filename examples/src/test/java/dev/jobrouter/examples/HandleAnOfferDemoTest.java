package dev.jobrouter.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The demo runs to the end and prints a classified job's path. */
class HandleAnOfferDemoTest {

    @Test
    void theDemoPrintsTheClassifiedJobsQueuePrioritySelectorsAndWorker() throws Exception {
        PrintStream console = System.out;
        Locale locale = Locale.getDefault();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        Locale.setDefault(Locale.ROOT);   // the demo prints numbers for a person, in the default locale's digits
        try {
            HandleAnOffer.main(new String[0]);
        } finally {
            System.setOut(console);
            Locale.setDefault(locale);
        }

        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("job j1 is CLOSED; calgary uses 0 of 10")
                .contains("job call-1: QUEUED in queue fr-support, priority 10")
                .contains("attached selector: Skill GREATER_THAN_OR_EQUAL 5")
                .contains("offered to chloe");
    }
}
