package dev.asios.health.policy;

import java.time.Duration;

/**
 * At most {@code max} actions within any window of {@code per}: a sliding window, not a
 * calendar one. Written {@code { max: 3, per: 10m }} in a policy file.
 *
 * @param max how many actions a window allows, {@value #MIN_MAX}..{@value #MAX_MAX}
 * @param per the window's length, 1 s to 7 days
 */
public record RateLimit(int max, Duration per) {

    /** The smallest {@code max}. */
    public static final int MIN_MAX = 1;
    /** The largest {@code max}. */
    public static final int MAX_MAX = 10_000;
    /** The shortest window. */
    public static final Duration MIN_PER = Duration.ofSeconds(1);
    /** The longest window. */
    public static final Duration MAX_PER = Duration.ofDays(7);

    /**
     * Checks the bounds (a policy file is checked with a better message before this).
     *
     * @throws IllegalArgumentException if {@code max} or {@code per} is out of its bounds
     */
    public RateLimit {
        if (max < MIN_MAX || max > MAX_MAX || per.compareTo(MIN_PER) < 0 || per.compareTo(MAX_PER) > 0) {
            throw new IllegalArgumentException("a rate limit needs max " + MIN_MAX + ".." + MAX_MAX + " and per 1s..7d, given max " + max + " per "
                    + DurationText.format(per));
        }
    }

    /** {@code 3 per 10m}. */
    @Override
    public String toString() {
        return max + " per " + DurationText.format(per);
    }
}
