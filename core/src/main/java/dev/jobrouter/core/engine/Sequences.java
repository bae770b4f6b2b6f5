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

    /** @return the counters now, to go back to with {@link #reset} */
    EngineSnapshot.Counters mark() {
        return new EngineSnapshot.Counters(offers, assignments, events, arrivals, timers);
    }

    void reset(EngineSnapshot.Counters mark) {
        offers = mark.offers();
        assignments = mark.assignments();
        events = mark.events();
        arrivals = mark.arrivals();
        timers = mark.timers();
    }
}
