package dev.jobrouter.core.time;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.InstantSource;

/**
 * A clock that moves only when told to. A router on a virtual clock fires its timers when the clock is
 * advanced, each at its own instant, so a day of traffic runs in milliseconds and repeats exactly.
 */
public final class VirtualClock implements InstantSource {
    private volatile Instant now;

    /** @param start the clock's first reading */
    public VirtualClock(Instant start) {
        this.now = requireNonNull(start, "start");
    }

    @Override
    public Instant instant() {
        return now;
    }

    /**
     * Moves the clock. The router calls this while it fires timers; callers use the router's
     * {@code advanceBy} and {@code advanceTo}.
     *
     * @param instant the new reading, not before the current one
     * @throws IllegalArgumentException if it lies before the current reading
     */
    public void set(Instant instant) {
        requireNonNull(instant, "instant");
        if (instant.isBefore(now)) {
            throw new IllegalArgumentException("a virtual clock never goes back: " + instant + " is before " + now);
        }
        now = instant;
    }
}
