package dev.asios.observe.restart;

import java.time.Duration;

/**
 * The wait before restarting a probe that stopped: the first wait, doubled after each failed
 * start up to a ceiling, and back to the first once a run lasted long enough to count as healthy.
 * The agent's probes wait 1 s doubling to 60 s, reset after a healthy minute. Not thread-safe.
 */
public final class Backoff {

    /** The agent's settings: 1 s doubling to 60 s, reset after a minute of running. */
    public static final Settings STANDARD = new Settings(Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofMinutes(1));

    private final Settings settings;
    private Duration next;

    /**
     * The wait settings.
     *
     * @param first the wait after the first stop
     * @param ceiling the longest wait
     * @param healthyAfter how long a run must last for the next wait to be {@code first} again
     */
    public record Settings(Duration first, Duration ceiling, Duration healthyAfter) {

        /**
         * Checks the settings.
         *
         * @throws IllegalArgumentException if a duration is not positive or {@code first} exceeds
         *     {@code ceiling}
         */
        public Settings {
            if (first.isNegative() || first.isZero() || healthyAfter.isNegative() || healthyAfter.isZero() || first.compareTo(ceiling) > 0) {
                throw new IllegalArgumentException("probe backoff needs 0 < first <= ceiling and a positive healthy time: first " + first + ", ceiling "
                        + ceiling + ", healthy after " + healthyAfter);
            }
        }
    }

    /** A backoff that waits {@code settings.first()} first. */
    public Backoff(Settings settings) {
        this.settings = settings;
        this.next = settings.first();
    }

    /**
     * The wait after a run of {@code ranFor} ended; the following wait doubles, unless this run
     * was healthy, in which case this wait is the first one.
     */
    public Duration afterRun(Duration ranFor) {
        if (ranFor.compareTo(settings.healthyAfter()) >= 0) {
            next = settings.first();
        }
        Duration wait = next;
        Duration doubled = next.multipliedBy(2);
        next = doubled.compareTo(settings.ceiling()) > 0 ? settings.ceiling() : doubled;
        return wait;
    }
}
