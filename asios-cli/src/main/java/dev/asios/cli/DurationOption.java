package dev.asios.cli;

import java.time.Duration;
import java.util.Locale;

/** Parses durations as users write them: {@code 10s}, {@code 2m}, {@code 500ms}, {@code 1h}, or plain seconds. */
public final class DurationOption {

    private DurationOption() {
    }

    /**
     * The duration.
     *
     * @throws IllegalArgumentException naming the option and the accepted forms, for text that is not a positive duration
     */
    public static Duration parse(String option, String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        try {
            Duration d;
            if (t.endsWith("ms")) {
                d = Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            } else if (t.endsWith("s")) {
                d = Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)));
            } else if (t.endsWith("m")) {
                d = Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
            } else if (t.endsWith("h")) {
                d = Duration.ofHours(Long.parseLong(t.substring(0, t.length() - 1)));
            } else {
                d = Duration.ofSeconds(Long.parseLong(t));
            }
            if (d.isNegative() || d.isZero()) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException(option + " '" + text + "': expected a positive duration such as 10s, 2m, 500ms or 1h");
        }
    }
}
