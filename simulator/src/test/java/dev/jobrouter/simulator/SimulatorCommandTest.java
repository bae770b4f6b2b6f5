package dev.jobrouter.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SimulatorCommandTest {
    @TempDir
    Path out;

    /** What one run of the command printed and returned. */
    record Result(int exitCode, String out, String err) {}

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = SimulatorCommand.commandLine();
        command.setOut(new PrintWriter(out));
        command.setErr(new PrintWriter(err));
        int exitCode = command.execute(args);
        return new Result(exitCode, out.toString(), err.toString());
    }

    private static Path resource(String name) {
        try {
            return Path.of(SimulatorCommandTest.class.getResource("/scenarios/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aScenarioAndAComparisonWriteEveryReportWithFiguresThatAddUp() throws IOException {
        Result result = run(resource("small.json").toString(), "--compare", resource("slow-wrap-up.drl").toString(),
                "-o", out.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(out).isDirectoryContaining("glob:**/summary.txt").isDirectoryContaining("glob:**/report.html");
        for (String chart : List.of("arrivals.png", "callers-waiting.png", "mean-wait.png", "service-level.png",
                "utilisation.png")) {
            assertThat(out.resolve(chart)).isRegularFile();
        }
        String summary = Files.readString(out.resolve("summary.txt"));
        assertThat(result.out()).startsWith(summary);

        for (String run : List.of("scenario", "compare")) {
            List<String> csv = Files.readAllLines(out.resolve(run + "-intervals.csv"));
            assertThat(csv.get(0)).isEqualTo(IntervalCsv.HEADER);
            assertThat(csv).hasSize(1 + 8);   // two hours of 15-minute intervals
            String section = section(summary, run);
            assertThat(column(csv, "arrived")).isEqualTo(figure(section, "jobs: (\\d+) created"));
            assertThat(column(csv, "offers_issued")).isEqualTo(figure(section, "offers: (\\d+) issued"));
            assertThat(column(csv, "offers_declined")).isEqualTo(figure(section, "accepted, (\\d+) declined"));
            assertThat(column(csv, "answered")).isEqualTo(figure(section, "over (\\d+) jobs"));
            assertThat(column(csv, "abandoned")).isEqualTo(figure(section, "abandoned: (\\d+) callers"));
            // Every refusal is the French rule's: the scenario's agents answer before their offers expire.
            assertThat(column(csv, "refusals")).isPositive().isEqualTo(figure(section, "(\\d+) x upsertJob refused by rule "
                    + "\"French calls are refused on this line\" \\(CONFLICT\\)"));
            assertThat(csv.get(1)).startsWith("2026-03-02T08:00:00Z,15.000,");
        }
        // The scenario's refusing rule runs in both; the compare run adds the slow wrap-up: fuller workers.
        assertThat(section(summary, "scenario")).contains("== scenario: built-in rules + no-french-after-nine.drl");
        assertThat(section(summary, "compare")).contains("built-in rules + no-french-after-nine.drl, slow-wrap-up.drl");
        assertThat(utilisation(section(summary, "compare"))).isGreaterThan(utilisation(section(summary, "scenario")));
        assertThat(summary).contains("jobs created").contains("service level").contains("invariant violations: 0");

        assertThat(result.err()).contains("scenario 100%").contains("compare 100%");
    }

    @Test
    void theChartsArePicturesWithALinePerRun() throws IOException {
        run(resource("small.json").toString(), "--compare", resource("slow-wrap-up.drl").toString(), "-o", out.toString(),
                "--no-progress");

        BufferedImage chart = ImageIO.read(out.resolve("utilisation.png").toFile());
        assertThat(chart.getWidth()).isEqualTo(Charts.WIDTH);
        assertThat(chart.getHeight()).isEqualTo(Charts.HEIGHT);
        Set<Integer> colours = new HashSet<>();
        for (int x = 0; x < chart.getWidth(); x++) {
            for (int y = 0; y < chart.getHeight(); y++) {
                colours.add(chart.getRGB(x, y) & 0xffffff);
            }
        }
        assertThat(colours).contains(0x1f77b4, 0xd62728);   // the scenario's line and the comparison's
    }

    @Test
    void theHtmlReportIsOnePageWithTheChartsInside() throws IOException {
        run(resource("small.json").toString(), "-o", out.toString(), "--no-progress");

        String html = Files.readString(out.resolve("report.html"));
        assertThat(Pattern.compile("src=\"data:image/png;base64,[A-Za-z0-9+/=]{1000,}\"").matcher(html).results().count())
                .isEqualTo(Charts.CHARTS.size());
        assertThat(html).contains("<h1>A small test line</h1>")
                .contains("<td>upsertJob</td><td>French calls are refused on this line</td><td>CONFLICT</td>")
                .contains("<h3>By queue</h3>").contains("<td>vip</td>").contains("<td>line</td>")
                .contains("<h3>By priority</h3>").contains("<td>5</td>")
                .doesNotContain("src=\"http");   // self-contained
    }

    @Test
    void theSameSeedGivesTheSameSeriesAndAnotherSeedAnotherOne(@TempDir Path again, @TempDir Path other) throws IOException {
        run(resource("small.json").toString(), "-o", out.toString(), "--no-progress");
        run(resource("small.json").toString(), "-o", again.toString(), "--no-progress");
        run(resource("small.json").toString(), "-o", other.toString(), "--no-progress", "--seed", "6", "--hours", "1");

        assertThat(Files.readString(again.resolve("scenario-intervals.csv")))
                .isEqualTo(Files.readString(out.resolve("scenario-intervals.csv")));
        List<String> shorter = Files.readAllLines(other.resolve("scenario-intervals.csv"));
        assertThat(shorter).hasSize(1 + 4);
        assertThat(Files.readAllLines(out.resolve("scenario-intervals.csv")).subList(1, 5))
                .isNotEqualTo(shorter.subList(1, 5));
    }

    @Test
    void problemsInTheScenarioAreOneClearLineAndExitCode1(@TempDir Path dir) throws IOException {
        assertProblem(run(dir.resolve("missing.json").toString()), "missing.json: no such scenario file");

        Path unknown = write(dir, "unknown.json", "{\n  \"queues\": [{\"id\": \"q\", \"colour\": \"red\"}]\n}");
        assertProblem(run(unknown.toString()), "unknown.json: line 2, column");
        assertProblem(run(unknown.toString()), "queues[0].colour is not a known field; the fields here are "
                + "distributionPolicy, id, labels");

        Path wrongType = write(dir, "wrong-type.json", "{\"hours\": \"a day\"}");
        assertProblem(run(wrongType.toString()), "wrong-type.json: line 1, column 11: hours: Cannot deserialize value");

        String small = Files.readString(resource("small.json"));
        Path badDuration = write(dir, "bad-duration.json", small.replace("\"PT3M\"", "\"three minutes\""));
        assertProblem(run(badDuration.toString(), "-o", out.toString()),
                "bad-duration.json: behaviour.handleTime.exponential cannot be read");

        Path badTime = write(dir, "bad-time.json", small.replace("\"09:00\"", "\"25:00\""));
        assertProblem(run(badTime.toString(), "-o", out.toString()), "bad-time.json: arrivals[0].perHour[1].from cannot be read");

        Path noQueue = write(dir, "no-queue.json", small.replace("{\"queue\": \"vip\", ", "{"));
        assertProblem(run(noQueue.toString(), "-o", out.toString()), "no-queue.json: arrivals[1].queue is required");

        Path twoKinds = write(dir, "two-kinds.json", small.replace("{\"fixed\": \"PT5S\"}", "{\"fixed\": \"PT5S\", \"exponential\": \"PT5S\"}"));
        assertProblem(run(twoKinds.toString(), "-o", out.toString()),
                "two-kinds.json: behaviour.respondAfter needs exactly one of fixed, exponential or uniform, not 2");

        Path badProbability = write(dir, "bad-probability.json", small.replace("\"accepting\": 0.9", "\"accepting\": 1.9"));
        assertProblem(run(badProbability.toString(), "-o", out.toString()),
                "bad-probability.json: behaviour accepting must be a probability between 0 and 1, not 1.9");

        Path zeroInterval = write(dir, "zero-interval.json", small.replace("\"seed\": 5,", "\"seed\": 5, \"interval\": \"PT0S\","));
        assertProblem(run(zeroInterval.toString(), "-o", out.toString()),
                "zero-interval.json: interval must be longer than zero, not PT0S");

        assertProblem(run(resource("small.json").toString(), "--hours", "0", "-o", out.toString()),
                "small.json: --hours must be above 0");
        assertProblem(run(resource("small.json").toString(), "--compare", dir.resolve("nope.drl").toString()),
                "nope.drl: no such rule file for --compare");

        Path brokenRule = write(dir, "broken.drl", "package x; rule \"half\" when then");
        Result broken = run(resource("small.json").toString(), "--compare", brokenRule.toString(), "-o", out.toString(),
                "--no-progress");
        assertThat(broken.exitCode()).isEqualTo(1);
        assertThat(broken.err()).startsWith("jobrouter-simulator: ").contains("broken.drl");
    }

    /** An output directory that cannot be made is refused before any run, not after the simulation's minutes. */
    @Test
    void aDirectoryForTheScenarioOrAFileInTheWayOfTheOutputIsOneClearLine(@TempDir Path dir) throws IOException {
        assertProblem(run(dir.toString()), dir.getFileName() + ": is a directory, not a scenario file");
        assertProblem(run(resource("small.json").toString(), "--compare", dir.toString()),
                dir.getFileName() + ": is a directory, not a rule file for --compare");

        Path blocker = write(dir, "blocker", "a file where the output directory's parent should be");
        Result blocked = run(resource("small.json").toString(), "-o", blocker.resolve("report").toString());
        assertProblem(blocked, "cannot create the output directory " + blocker.resolve("report"));
        assertThat(blocked.err()).as("the reason, in words").contains("blocker is a file, not a directory");
    }

    @Test
    void aUsageErrorIsExitCode2WithTheUsage() {
        Result noScenario = run();
        assertThat(noScenario.exitCode()).isEqualTo(2);
        assertThat(noScenario.err()).contains("Missing required parameter: 'SCENARIO'").contains("--compare=DRL");

        Result help = run("--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("Usage: jobrouter-simulator").contains("--seed=N").contains("--hours=H");
    }

    private static void assertProblem(Result result, String message) {
        assertThat(result.exitCode()).as(result.err()).isEqualTo(1);
        assertThat(result.err()).startsWith("jobrouter-simulator: ").contains(message);
        assertThat(result.err().lines().count()).isEqualTo(1);
    }

    private static Path write(Path dir, String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        Files.copy(resource("no-french-after-nine.drl"), dir.resolve("no-french-after-nine.drl"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return file;
    }

    /** @return the part of the summary about one run: from its heading to the next */
    private static String section(String summary, String run) {
        int start = summary.indexOf("== " + run + ":");
        assertThat(start).as("a section for " + run).isNotNegative();
        int next = summary.indexOf("\n== ", start + 3);
        return next < 0 ? summary.substring(start) : summary.substring(start, next);
    }

    /** @return the number the regex's group finds in the text; fails when it finds none */
    private static long figure(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        assertThat(matcher.find()).as("%s in the summary", regex).isTrue();
        return Long.parseLong(matcher.group(1));
    }

    private static double utilisation(String section) {
        Matcher matcher = Pattern.compile("utilisation: ([\\d.]+)%").matcher(section);
        assertThat(matcher.find()).isTrue();
        return Double.parseDouble(matcher.group(1));
    }

    private static long column(List<String> csv, String name) {
        int index = Arrays.asList(csv.get(0).split(",")).indexOf(name);
        assertThat(index).as(name).isNotNegative();
        return csv.stream().skip(1).mapToLong(line -> Long.parseLong(line.split(",", -1)[index])).sum();
    }
}
