package dev.asios.health.policy;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as an operator writes them in a policy file: a whole number and a unit, {@code ms},
 * {@code s}, {@code m}, {@code h} or {@code d} ({@code 30s}, {@code 10m}, {@code 1h}), or several
 * from the largest unit down ({@code 1h30m}, {@code 4m12s}). No sign, no spaces, no fractions.
 * Pure and thread-safe.
 */
public final class DurationText {

    /** What a message says is accepted. */
    public static final String EXPECTED = "a duration such as 30s, 10m, 1h or 1h30m (units ms, s, m, h, d)";

    private static final Pattern FORM = Pattern.compile("(?:(\\d{1,9})d)?(?:(\\d{1,9})h)?(?:(\\d{1,9})m(?!s))?(?:(\\d{1,9})s)?(?:(\\d{1,9})ms)?");

    private static final long[] UNIT_MS = {86_400_000L, 3_600_000L, 60_000L, 1_000L, 1L};
    private static final String[] UNIT = {"d", "h", "m", "s", "ms"};

    private DurationText() {
    }

    /** The duration {@code text} spells, or empty when it is not a duration of that form. */
    public static Optional<Duration> parse(String text) {
        Matcher matcher = FORM.matcher(text);
        if (text.isEmpty() || !matcher.matches()) {
            return Optional.empty();
        }
        long totalMs = 0;
        for (int group = 1; group <= UNIT.length; group++) {
            String number = matcher.group(group);
            if (number != null) {
                totalMs += Long.parseLong(number) * UNIT_MS[group - 1];
            }
        }
        return Optional.of(Duration.ofMillis(totalMs));
    }

    /**
     * The duration as {@link #parse} reads it, largest units first: {@code 10m}, {@code 4m12s},
     * {@code 0s}. Whole milliseconds; a fraction of a millisecond is dropped, a negative duration is
     * written as {@code 0s}.
     */
    public static String format(Duration duration) {
        long remainingMs = Math.max(0, duration.toMillis());
        if (remainingMs == 0) {
            return "0s";
        }
        StringBuilder text = new StringBuilder();
        for (int unit = 0; unit < UNIT.length; unit++) {
            long count = remainingMs / UNIT_MS[unit];
            if (count > 0) {
                text.append(count).append(UNIT[unit]);
                remainingMs -= count * UNIT_MS[unit];
            }
        }
        return text.toString();
    }
}
