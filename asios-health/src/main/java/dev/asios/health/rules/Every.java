package dev.asios.health.rules;

import java.time.Duration;

/**
 * The schedule of a rule that checks every few rounds, such as a scan of {@code /proc}: due in
 * the first round and then once at least 90% of the interval has passed (a fixed-rate loop's
 * rounds may land a little early, which must not push the check to the round after). A clock
 * that went back makes it due at once. Not thread-safe.
 */
final class Every {

    static final Duration MIN = Duration.ofMillis(100);
    static final Duration MAX = Duration.ofHours(1);

    private final long intervalMs;
    private long lastMs = Long.MIN_VALUE;
    private long elapsedMs = -1;

    /**
     * Every {@code interval}.
     *
     * @param setting the setting's name, for the error
     * @throws IllegalArgumentException if the interval is outside 100 ms .. 1 h
     */
    Every(String setting, Duration interval) {
        if (interval.compareTo(MIN) < 0 || interval.compareTo(MAX) > 0) {
            throw new IllegalArgumentException(setting + " must be within 100 ms .. 1 h, given " + interval.toMillis() + " ms");
        }
        this.intervalMs = interval.toMillis();
    }

    /** True, and remembered as the latest check, if a check is due in the round of {@code epochMs}. */
    boolean due(long epochMs) {
        boolean due = lastMs == Long.MIN_VALUE || epochMs < lastMs || epochMs - lastMs >= intervalMs * 9 / 10;
        if (due) {
            elapsedMs = lastMs == Long.MIN_VALUE || epochMs < lastMs ? -1 : epochMs - lastMs;
            lastMs = epochMs;
        }
        return due;
    }

    /** The time between the latest check and the one before, in milliseconds; -1 after the first. */
    long elapsedMs() {
        return elapsedMs;
    }
}
