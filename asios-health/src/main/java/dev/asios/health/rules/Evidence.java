package dev.asios.health.rules;

import java.util.Locale;

/** Numbers as findings print them: fixed decimals, units after a space, never in the host's locale. */
final class Evidence {

    private Evidence() {
    }

    /** {@code value} with {@code decimals} decimals. */
    static String number(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    /** Seconds as microseconds, such as {@code 83.2 µs}. */
    static String micros(double seconds) {
        return number(seconds * 1e6, 1) + " µs";
    }

    /** A share as a percentage, such as {@code 12.5%}. */
    static String percent(double ratio) {
        return number(ratio * 100, 1) + "%";
    }

    /** Milliseconds as seconds, such as {@code 5.0 s}. */
    static String seconds(long millis) {
        return number(millis / 1000.0, 1) + " s";
    }

    /**
     * Checks a threshold setting.
     *
     * @throws IllegalArgumentException naming the setting, the bound and the value, if it is not
     *     finite and positive
     */
    static double positive(String setting, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(setting + " must be a positive number, given " + value);
        }
        return value;
    }
}
