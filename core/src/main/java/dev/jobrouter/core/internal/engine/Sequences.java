package dev.jobrouter.core.internal.engine;

/**
 * The router's counters: offer and assignment ids, event numbers, job arrivals, timer order, etags, and the seeded generator. They
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
    private long etags = 1;
    private long random;

    /** @param seed the start of the generator weighted allocations draw from */
    Sequences(long seed) {
        this.random = seed;
    }

    /**
     * @return the generator's next draw in [0, 1): SplitMix64, whose whole state is one long, so it goes
     *     back with the other counters when a command fails and a replay draws the same
     */
    double nextRandom() {
        long z = (random += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return (z >>> 11) * 0x1.0p-53;
    }

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

    /**
     * @return a fresh etag: unique within the router, and the same on a replay of the same commands. In
     *     hex, which costs shifts where another radix costs a division per digit: every write takes one
     */
    String nextEtag() {
        return Long.toHexString(etags++);
    }

    /** @return the counters now, as a value */
    EngineSnapshot.Counters counters() {
        return new EngineSnapshot.Counters(offers, assignments, events, arrivals, timers, etags, random);
    }

    /** Sets every counter as a snapshot recorded it: for an engine being restored. */
    void load(EngineSnapshot.Counters counters) {
        offers = counters.offers();
        assignments = counters.assignments();
        events = counters.events();
        arrivals = counters.arrivals();
        timers = counters.timers();
        etags = counters.etags();
        random = counters.random();
    }

    /** Remembers the counters in the checkpoint, to go back to with {@link #reset}; allocates nothing. */
    void save(Checkpoint checkpoint) {
        checkpoint.offers = offers;
        checkpoint.assignments = assignments;
        checkpoint.events = events;
        checkpoint.arrivals = arrivals;
        checkpoint.timers = timers;
        checkpoint.etags = etags;
        checkpoint.random = random;
    }

    void reset(Checkpoint checkpoint) {
        offers = checkpoint.offers;
        assignments = checkpoint.assignments;
        events = checkpoint.events;
        arrivals = checkpoint.arrivals;
        timers = checkpoint.timers;
        etags = checkpoint.etags;
        random = checkpoint.random;
    }

    /** Counters saved at one moment; the engine keeps one per level it may roll back to. */
    static final class Checkpoint {
        private long offers;
        private long assignments;
        private long events;
        private long arrivals;
        private long timers;
        private long etags;
        private long random;
    }
}
