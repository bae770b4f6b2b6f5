package dev.jobrouter.simulation;

import dev.jobrouter.core.ErrorCode;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a {@link Simulation} run measured.
 *
 * @param seed the seed of the run; the same seed, rules and inputs give the same run
 * @param simulated how much virtual time the run covered
 * @param jobs how many jobs were created, assigned, completed, closed and cancelled during the run
 * @param offers how many offers were issued, accepted, declined, expired and revoked
 * @param callers the simulated callers whose wait ended in the run, answered or abandoned
 * @param serviceLevelThreshold the wait within which an answer counts for the service level
 * @param jobsStillWaiting jobs created in the run and still queued at its end
 * @param utilisation the share of the workers' total capacity held by assigned jobs, from accept to
 *     capacity release, averaged over the run; 0 when the workers have no capacity
 * @param refusals commands of the simulated workers and callers that the router refused, by error
 *     code: what your rules vetoed, or answers that came too late (an offer already revoked)
 * @param refusalsByRule the same refusals by command and by the rule that refused
 * @param byQueue the callers by the queue their job was in when the wait ended
 * @param byPriority the callers by their job's priority when the wait ended
 * @param intervals the run's figures interval by interval, in time order; the last one may be shorter
 *     (a run of no length has one, empty)
 * @param invariantViolations broken invariants found after each step; expected to be empty
 * @param eventLog every event of the run, one {@code toString()} per line, when the simulation was
 *     asked to {@link Simulation#recordEvents(boolean) record} them; else empty
 */
public record SimulationReport(
        long seed,
        Duration simulated,
        JobCounts jobs,
        OfferCounts offers,
        CallerFigures callers,
        Duration serviceLevelThreshold,
        long jobsStillWaiting,
        double utilisation,
        Map<ErrorCode, Long> refusals,
        Map<Refusal, Long> refusalsByRule,
        Map<String, CallerFigures> byQueue,
        Map<Integer, CallerFigures> byPriority,
        List<IntervalFigures> intervals,
        List<String> invariantViolations,
        List<String> eventLog) {

    /**
     * The canonical constructor: checks the components and keeps immutable copies of collections.
     *
     * @param seed the seed of the run; the same seed, rules and inputs give the same run
     * @param simulated how much virtual time the run covered
     * @param jobs how many jobs were created, assigned, completed, closed and cancelled during the run
     * @param offers how many offers were issued, accepted, declined, expired and revoked
     * @param callers the simulated callers whose wait ended in the run, answered or abandoned
     * @param serviceLevelThreshold the wait within which an answer counts for the service level
     * @param jobsStillWaiting jobs created in the run and still queued at its end
     * @param utilisation the share of the workers' total capacity held by assigned jobs, from accept to
     *     capacity release, averaged over the run; 0 when the workers have no capacity
     * @param refusals commands of the simulated workers and callers that the router refused, by error
     *     code: what your rules vetoed, or answers that came too late (an offer already revoked)
     * @param refusalsByRule the same refusals by command and by the rule that refused
     * @param byQueue the callers by the queue their job was in when the wait ended
     * @param byPriority the callers by their job's priority when the wait ended
     * @param intervals the run's figures interval by interval, in time order; the last one may be shorter
     *     (a run of no length has one, empty)
     * @param invariantViolations broken invariants found after each step; expected to be empty
     * @param eventLog every event of the run, one {@code toString()} per line, when the simulation was
     *     asked to {@link Simulation#recordEvents(boolean) record} them; else empty
     *     /
     */
    public SimulationReport {
        refusals = Map.copyOf(refusals);
        refusalsByRule = Map.copyOf(refusalsByRule);
        byQueue = Map.copyOf(byQueue);
        byPriority = Map.copyOf(byPriority);
        intervals = List.copyOf(intervals);
        invariantViolations = List.copyOf(invariantViolations);
        eventLog = List.copyOf(eventLog);
    }

    /** Jobs that reached each status during the run. */
    public record JobCounts(long created, long assigned, long completed, long closed, long cancelled) {}

    /** Offers by what happened to them during the run. */
    public record OfferCounts(long issued, long accepted, long declined, long expired, long revoked) {}

    /** Waiting times over a set of callers, in whole milliseconds; all zero when there was none. */
    public record WaitingTimes(long count, Duration mean, Duration p50, Duration p95, Duration max) {}

    /**
     * Callers whose wait ended: answered (a worker accepted the offer) or abandoned (the caller hung
     * up, a cancel the simulation made after the caller's patience).
     *
     * @param answered how many were answered
     * @param abandoned how many hung up
     * @param answeredWaits from arrival to the accepted offer
     * @param abandonedWaits from arrival to hanging up
     * @param serviceLevel the share answered within the threshold, of all answered and abandoned;
     *     {@code NaN} when there were none
     */
    public record CallerFigures(long answered, long abandoned, WaitingTimes answeredWaits, WaitingTimes abandonedWaits,
            double serviceLevel) {}

    /**
     * A kind of refused command: which command, which rule refused it, with which code.
     *
     * @param command the SDK name of the command, such as {@code acceptJobOffer}
     * @param rule the name of the rule that refused it, or {@code null} when no rule did (an unknown
     *     offer, a bad argument)
     * @param code the error code
     */
    public record Refusal(String command, String rule, ErrorCode code) {
        @Override
        public String toString() {
            return command + " refused by " + (rule == null ? "no rule" : "rule \"" + rule + "\"") + " (" + code + ")";
        }
    }

    /**
     * The figures of one interval of the run. Callers count in the interval their wait ended in.
     *
     * @param start when the interval starts
     * @param length how long it is
     * @param arrived jobs created
     * @param answered callers answered
     * @param abandoned callers who hung up
     * @param waitingAtEnd simulated callers waiting (not yet answered nor gone) at the interval's end
     * @param maxWaiting the most callers waiting at once during the interval
     * @param meanAnsweredWait the mean wait of the callers answered in the interval; zero for none
     * @param serviceLevel the share answered within the threshold, of those answered or abandoned in
     *     the interval; {@code NaN} when there were none
     * @param utilisation the share of the workers' capacity held by assigned jobs during the interval
     * @param offersIssued offers issued
     * @param offersAccepted offers accepted
     * @param offersDeclined offers declined
     * @param offersExpired offers that expired
     * @param refusals commands refused
     */
    public record IntervalFigures(Instant start, Duration length, long arrived, long answered, long abandoned,
            long waitingAtEnd, long maxWaiting, Duration meanAnsweredWait, double serviceLevel, double utilisation,
            long offersIssued, long offersAccepted, long offersDeclined, long offersExpired, long refusals) {}

    /** @return the waits of the answered callers, from creation to the accepted offer */
    public WaitingTimes waiting() {
        return callers.answeredWaits();
    }

    /** @return the figures as a few lines of text, for logs and comparisons */
    public String summary() {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, """
                simulated %s, seed %d
                jobs: %d created, %d assigned, %d completed, %d closed, %d cancelled, %d still waiting
                offers: %d issued, %d accepted, %d declined, %d expired, %d revoked
                waiting: mean %s, p50 %s, p95 %s, max %s (over %d jobs)
                abandoned: %d callers, waited mean %s, p95 %s, max %s
                service level: %s answered within %s
                utilisation: %.1f%%
                refused commands: %s
                invariant violations: %d""",
                simulated, seed,
                jobs.created(), jobs.assigned(), jobs.completed(), jobs.closed(), jobs.cancelled(), jobsStillWaiting,
                offers.issued(), offers.accepted(), offers.declined(), offers.expired(), offers.revoked(),
                waiting().mean(), waiting().p50(), waiting().p95(), waiting().max(), waiting().count(),
                callers.abandoned(), callers.abandonedWaits().mean(), callers.abandonedWaits().p95(),
                callers.abandonedWaits().max(), percent(callers.serviceLevel()), serviceLevelThreshold,
                utilisation * 100, refusals, invariantViolations.size()));
        refusalsByRule.entrySet().stream()
                .sorted(Map.Entry.<Refusal, Long>comparingByValue().reversed()
                        .thenComparing(entry -> entry.getKey().toString()))
                .forEach(entry -> text.append(
                        String.format(Locale.ROOT, "%n  %d x %s", entry.getValue(), entry.getKey())));
        appendBreakdown(text, "by queue", byQueue.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .collect(Collectors.toMap(entry -> entry.getKey(), Map.Entry::getValue, (a, b) -> a,
                        LinkedHashMap::new)));
        appendBreakdown(text, "by priority", byPriority.entrySet().stream()
                .sorted(Map.Entry.<Integer, CallerFigures>comparingByKey(Comparator.reverseOrder()))
                .collect(Collectors.toMap(entry -> "priority " + entry.getKey(), Map.Entry::getValue, (a, b) -> a,
                        LinkedHashMap::new)));
        return text.toString();
    }

    private static void appendBreakdown(StringBuilder text, String title, Map<String, CallerFigures> figures) {
        if (figures.isEmpty()) {
            return;
        }
        text.append(String.format(Locale.ROOT, "%n%s:", title));
        figures.forEach((name, callers) -> text.append(String.format(Locale.ROOT,
                "%n  %s: %d answered (mean wait %s, p95 %s), %d abandoned, service level %s",
                name, callers.answered(), callers.answeredWaits().mean(), callers.answeredWaits().p95(),
                callers.abandoned(), percent(callers.serviceLevel()))));
    }

    /** @return a share as a percentage with one decimal, or "n/a" for {@code NaN} */
    static String percent(double share) {
        return Double.isNaN(share) ? "n/a" : String.format(Locale.ROOT, "%.1f%%", share * 100);
    }
}
