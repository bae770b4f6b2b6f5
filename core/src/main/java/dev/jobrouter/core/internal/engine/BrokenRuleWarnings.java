package dev.jobrouter.core.internal.engine;

import dev.jobrouter.core.RouterException;
import dev.jobrouter.core.command.Command;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;

/**
 * Warnings about a rule that fails while the matcher asks it about offers, where a failure counts as
 * a refusal. One broken rule fails for every candidate worker of every job, so a line each would be a
 * log storm at ten thousand workers: this logs one line per rule and command type at the 1st, 10th,
 * 100th... failure, with the count so far.
 */
final class BrokenRuleWarnings {
    private final Logger log;
    /** Failures so far by rule and command type: as many keys as rules times command types at most. */
    private final Map<String, Long> failures = new HashMap<>();

    BrokenRuleWarnings(Logger log) {
        this.log = log;
    }

    void failed(String rule, Command command, RouterException failure) {
        String key = rule + " on " + command.getClass().getSimpleName();
        long count = failures.merge(key, 1L, Long::sum);
        if (isPowerOfTen(count)) {
            log.warn("rule {} failed {} time{} deciding {}, each treated as a refusal; the last: {}: {}", rule, count,
                    count == 1 ? "" : "s", command.getClass().getSimpleName(), command, failure.getMessage());
        }
    }

    /** @return the failures counted for the rule on the command type; for tests */
    long count(String rule, Class<? extends Command> type) {
        return failures.getOrDefault(rule + " on " + type.getSimpleName(), 0L);
    }

    private static boolean isPowerOfTen(long count) {
        long power = 1;
        while (power < count) {
            power *= 10;
        }
        return power == count;
    }
}
