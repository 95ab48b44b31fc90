package dev.asios.health.forecast;

import java.util.Locale;

/** Values and durations in the words of findings: {@code 41.5 GiB}, {@code 85 °C}, {@code ~1 h 10 min}. Thread-safe. */
final class Quantities {

    private static final double KIB = 1024;
    private static final String[] BYTE_UNITS = {"bytes", "KiB", "MiB", "GiB", "TiB", "PiB"};

    private Quantities() {
    }

    /** A value with its unit: bytes in binary multiples, celsius in °C, anything else rounded to a tenth (or three significant digits under 1). */
    static String format(double value, String unit) {
        if (unit.equals("bytes")) {
            return bytes(value);
        }
        String number = plain(value);
        if (unit.equals("celsius")) {
            return number + " °C";
        }
        return unit.isEmpty() ? number : number + " " + unit;
    }

    /** A duration, rounded: {@code 45 s}, {@code 40 min} (under two hours), {@code 2 h 10 min}. */
    static String duration(double seconds) {
        long rounded = Math.round(seconds);
        if (rounded < 60) {
            return rounded + " s";
        }
        long minutes = Math.round(seconds / 60);
        if (minutes < 120) {
            return minutes + " min";
        }
        return minutes % 60 == 0 ? minutes / 60 + " h" : minutes / 60 + " h " + minutes % 60 + " min";
    }

    /** A range of durations, the unit once when both are whole minutes under two hours: {@code 25–70 min}, {@code 50 min–2 h 10 min}. */
    static String durationRange(double fromSeconds, double toSeconds) {
        String from = duration(fromSeconds);
        String to = duration(toSeconds);
        if (from.endsWith(" min") && to.endsWith(" min") && from.indexOf(' ') == from.lastIndexOf(' ') && to.indexOf(' ') == to.lastIndexOf(' ')) {
            return from.substring(0, from.length() - " min".length()) + "–" + to;
        }
        return from + "–" + to;
    }

    private static String bytes(double value) {
        double magnitude = Math.abs(value);
        int unit = 0;
        while (magnitude >= KIB && unit < BYTE_UNITS.length - 1) {
            magnitude /= KIB;
            unit++;
        }
        double scaled = Math.copySign(magnitude, value);
        return (unit == 0 ? String.valueOf(Math.round(scaled)) : String.format(Locale.ROOT, "%.1f", scaled)) + " " + BYTE_UNITS[unit];
    }

    private static String plain(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return String.valueOf((long) value);
        }
        double magnitude = Math.abs(value);
        String pattern = magnitude >= 100 ? "%.0f" : magnitude >= 1 ? "%.1f" : "%.3g";
        return String.format(Locale.ROOT, pattern, value);
    }
}
