package dev.jobrouter.simulator;

import dev.jobrouter.JobRouter;
import dev.jobrouter.core.RouterException;
import dev.jobrouter.simulation.SimulationReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jobrouter-simulator}: simulates a scenario's traffic on a virtual clock against the built-in
 * rules and the scenario's own, optionally a second time with more rules on the same arrivals, and
 * writes a text summary, CSV series, PNG charts and an HTML report. Exit codes: 0 done, 1 a scenario
 * or rule problem (the message says which), 2 a usage error.
 */
@Command(name = "jobrouter-simulator", mixinStandardHelpOptions = true, version = "jobrouter-simulator 0.1.0",
        sortOptions = false,
        description = {"Simulates a scenario's traffic against your rules on a virtual clock: a day in seconds.",
                "Writes summary.txt, <run>-intervals.csv, PNG charts and report.html into the output directory."})
public final class SimulatorCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "The scenario file (JSON, comments allowed).")
    private Path scenarioFile;

    @Option(names = "--seed", paramLabel = "N", description = "Overrides the scenario's seed.")
    private Long seed;

    @Option(names = "--hours", paramLabel = "H", description = "Overrides how many hours to simulate.")
    private Double hours;

    @Option(names = "--compare", paramLabel = "DRL",
            description = "Runs a second time with these DRL files added to the scenario's, on the same arrivals. Repeatable.")
    private List<Path> compare = new ArrayList<>();

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", defaultValue = "simulation-report",
            description = "Where the reports go; created if missing. Default: ${DEFAULT-VALUE}.")
    private Path out;

    @Option(names = "--no-progress", description = "Shows no progress bar.")
    private boolean noProgress;

    @Spec
    private CommandSpec spec;

    /**
     * Runs the command and exits with its code.
     *
     * @param args the command line: a scenario file and options; {@code --help} lists them
     */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** @return the command, with scenario and rule problems reported as one clear line and exit code 1 */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new SimulatorCommand());
        commandLine.setExecutionExceptionHandler((e, line, parsed) -> {
            if (e instanceof ScenarioException || e instanceof RouterException || e instanceof UncheckedIOException) {
                line.getErr().println("jobrouter-simulator: " + e.getMessage());
                return 1;
            }
            throw e;
        });
        return commandLine;
    }

    @Override
    public Integer call() {
        ScenarioSetup scenario = new ScenarioSetup(ScenarioFile.read(scenarioFile), scenarioFile, seed, hours);
        for (Path file : compare) {
            if (Files.isDirectory(file)) {
                throw new ScenarioException(file + ": is a directory, not a rule file for --compare");
            }
            if (!Files.isRegularFile(file)) {
                throw new ScenarioException(file + ": no such rule file for --compare");
            }
        }
        createOutputDirectory();   // before the runs: a bad -o should not cost the simulation's time first
        List<SimulatedRun> runs = new ArrayList<>();
        runs.add(simulate(scenario, "scenario", scenario.rules()));
        if (!compare.isEmpty()) {
            List<Path> more = new ArrayList<>(scenario.rules());
            more.addAll(compare);
            runs.add(simulate(scenario, "compare", more));
        }
        writeReports(scenario, runs);
        return 0;
    }

    private SimulatedRun simulate(ScenarioSetup scenario, String label, List<Path> rules) {
        long minutes = Math.max(1, scenario.duration().toMinutes());
        try (JobRouter router = scenario.router(rules); ProgressBar progress = progressBar(label, minutes)) {
            long started = System.nanoTime();
            SimulationReport report = scenario.simulation(router)
                    .onInterval(interval -> progress.stepTo(Math.min(minutes,
                            Duration.between(scenario.start(), interval.start().plus(interval.length())).toMinutes())))
                    .run(scenario.duration());
            progress.stepTo(minutes);
            return new SimulatedRun(label, rules, report, Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private ProgressBar progressBar(String label, long minutes) {
        ProgressBarBuilder builder = new ProgressBarBuilder().setTaskName(label).setInitialMax(minutes)
                .setUnit(" h", 60).setUpdateIntervalMillis(100).hideEta();
        PrintWriter err = spec.commandLine().getErr();
        if (noProgress) {
            builder.setConsumer(new DelegatingProgressBarConsumer(line -> {}));
        } else if (System.console() == null) {
            // Not a terminal (a pipe, a CI log): plain lines, one per update, instead of redrawing in place.
            builder.setStyle(ProgressBarStyle.ASCII).setConsumer(new DelegatingProgressBarConsumer(line -> {
                err.println(line.stripTrailing());
                err.flush();
            }, 100));
        }
        return builder.build();
    }

    private void createOutputDirectory() {
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the output directory " + out + ": " + reason(e), e);
        }
    }

    /** @return why a directory could not be made, in words: the JDK's message is often just the path */
    private String reason(IOException e) {
        for (Path part = out.toAbsolutePath(); part != null; part = part.getParent()) {
            if (Files.exists(part) && !Files.isDirectory(part)) {
                return part + " is a file, not a directory";
            }
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied on " + e.getMessage();
        }
        return e.getClass().getSimpleName() + " " + e.getMessage();
    }

    private void writeReports(ScenarioSetup scenario, List<SimulatedRun> runs) {
        StringBuilder summary = new StringBuilder(scenario.name()).append(System.lineSeparator());
        for (SimulatedRun run : runs) {
            summary.append(System.lineSeparator()).append("== ").append(run.label()).append(": ")
                    .append(run.rulesDescription()).append(" (").append(run.wallClock().toMillis()).append(" ms) ==")
                    .append(System.lineSeparator()).append(run.report().summary()).append(System.lineSeparator());
            IntervalCsv.write(out.resolve(run.label() + "-intervals.csv"), run.report().intervals());
        }
        if (runs.size() > 1) {
            summary.append(System.lineSeparator()).append(KeyFigures.table(runs)).append(System.lineSeparator());
        }
        List<Path> charts = Charts.write(out, runs);
        HtmlReport.write(out.resolve("report.html"), scenario, runs, charts);
        try {
            Files.writeString(out.resolve("summary.txt"), summary, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out.resolve("summary.txt") + ": " + e.getMessage(), e);
        }
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.print(summary);
        stdout.println();
        stdout.println("Reports in " + out.toAbsolutePath() + ": summary.txt, "
                + String.join(", ", runs.stream().map(run -> run.label() + "-intervals.csv").toList()) + ", "
                + String.join(", ", Charts.CHARTS.stream().map(Charts.Chart::file).toList()) + ", report.html");
        stdout.flush();
    }
}
