package dev.jobrouter.simulation;

import dev.jobrouter.core.RouterException;

/**
 * How often something happens on average: {@code Rate.perMinute(120)}.
 *
 * @param perSecond events per second, more than 0
 */
public record Rate(double perSecond) {

    /**
     * The canonical constructor: checks the components and keeps immutable copies of collections.
     *
     * @param perSecond events per second, more than 0
     *     /
     */
    public Rate {
        if (!(perSecond > 0) || Double.isInfinite(perSecond)) {
            throw RouterException.invalid("a rate must be a finite number above 0 per second, not " + perSecond);
        }
    }

    /**
     * @param count events per second on average
     * @return that rate
     */
    public static Rate perSecond(double count) {
        return new Rate(count);
    }

    /**
     * @param count events per minute on average
     * @return that rate
     */
    public static Rate perMinute(double count) {
        return new Rate(count / 60);
    }

    /**
     * @param count events per hour on average
     * @return that rate
     */
    public static Rate perHour(double count) {
        return new Rate(count / 3600);
    }
}
