package dev.jobrouter.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README's shade recipe works: the demo runs from the one jar the examples module shades, in a
 * JVM of its own with nothing else on the classpath. Without the merged service files Drools fails
 * to start ("Unable to wire up JavaDialect").
 */
class ShadedJarIT {

    @Test
    void theDemoRunsFromTheShadedJar() throws IOException, InterruptedException {
        Path jar;
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            jar = files.filter(path -> path.getFileName().toString().endsWith("-shaded.jar")).findFirst().orElseThrow(
                    () -> new AssertionError("no shaded jar in target: the package phase makes it"));
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process demo = new ProcessBuilder(java, "-jar", jar.toString()).redirectErrorStream(true).start();
        String output = new String(demo.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(demo.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(demo.exitValue()).as(output).isZero();
        assertThat(output).contains("job j1 is CLOSED; calgary uses 0 of 10", "offered to chloe")
                .doesNotContain("Unable to wire up");
    }
}
