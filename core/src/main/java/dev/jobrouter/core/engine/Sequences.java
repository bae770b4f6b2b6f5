package dev.jobrouter.core.engine;

/**
 * The router's counters: offer and assignment ids, event numbers, job arrivals and timer order. They
 * are part of the state: a command that fails puts them back, so the next command gets the same ids
 * it would have got had the failed one never run, and a replay of the committed commands allocates
 * the same ids.
 */
final class Sequences {
    private long offers = 1;
    private long assignments = 1;
    private long events;
    private long arrivals;
    private long timers;

    String nextOfferId() {
        return "offer-" + offers++;
    }

    String nextAssignmentId() {
        return "assignment-" + assignments++;
    }

    long nextEvent() {
        return events++;
    }

    long nextArrival() {
        return arrivals++;
    }

    long nextTimer() {
        return timers++;
    }

    /** @return the counters now, as a value */
    EngineSnapshot.Counters counters() {
        return new EngineSnapshot.Counters(offers, assignments, events, arrivals, timers);
    }

    /** Remembers the counters in the checkpoint, to go back to with {@link #reset}; allocates nothing. */
    void save(Checkpoint checkpoint) {
        checkpoint.offers = offers;
        checkpoint.assignments = assignments;
        checkpoint.events = events;
        checkpoint.arrivals = arrivals;
        checkpoint.timers = timers;
    }

    void reset(Checkpoint checkpoint) {
        offers = checkpoint.offers;
        assignments = checkpoint.assignments;
        events = checkpoint.events;
        arrivals = checkpoint.arrivals;
        timers = checkpoint.timers;
    }

    /** Counters saved at one moment; the engine keeps one per level it may roll back to. */
    static final class Checkpoint {
        private long offers;
        private long assignments;
        private long events;
        private long arrivals;
        private long timers;
    }
}
