package dev.jobrouter.simulator;

import dev.jobrouter.simulation.SimulationReport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * One simulated run of the scenario: which rules it ran, what it measured and how long it took.
 *
 * @param label what the reports call it: {@code scenario} or {@code compare}
 * @param rules the DRL files over the built-in rules
 * @param report the figures
 * @param wallClock how long the run took on this machine
 */
record SimulatedRun(String label, List<Path> rules, SimulationReport report, Duration wallClock) {

    /** @return the rule files as the reports show them: their file names, or "built-in rules only" */
    String rulesDescription() {
        return rules.isEmpty() ? "built-in rules only"
                : "built-in rules + " + String.join(", ", rules.stream().map(path -> path.getFileName().toString()).toList());
    }
}
