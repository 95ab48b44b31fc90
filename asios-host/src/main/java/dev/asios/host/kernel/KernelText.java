package dev.asios.host.kernel;

import dev.asios.host.parse.ParseException;

/**
 * Small checks shared by the parsers of this package. Every method is pure and throws only
 * {@link ParseException}, quoting the bad text.
 */
final class KernelText {

    private static final int MAX_LONG_DIGITS = 18;

    private KernelText() {
    }

    /** The text on one line, cut to 80 characters, for quoting in a message. */
    static String abbreviate(String text) {
        String oneLine = text.strip().replace('\n', ' ').replace('\0', ' ');
        return oneLine.length() <= 80 ? oneLine : oneLine.substring(0, 77) + "...";
    }

    /** True if {@code text} is one or more ASCII digits. */
    static boolean isDigits(String text) {
        return !text.isEmpty() && text.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** A decimal integer, optionally negative; {@code what} names it in the message. */
    static long parseLong(String text, String what) {
        String digits = text.startsWith("-") ? text.substring(1) : text;
        if (!isDigits(digits) || digits.length() > MAX_LONG_DIGITS) {
            throw new ParseException(what + " '" + abbreviate(text) + "' is not a decimal integer");
        }
        return Long.parseLong(text);
    }

    /** A non-negative count of KiB, returned in bytes. */
    static long parseKibAsBytes(String text, String what) {
        long kib = parseLong(text, what);
        if (kib < 0 || kib > Long.MAX_VALUE / 1024) {
            throw new ParseException(what + " '" + abbreviate(text) + "' is out of range");
        }
        return kib * 1024;
    }

    /** A decimal integer that fits an {@code int}. */
    static int parseInt(String text, String what) {
        long value = parseLong(text, what);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new ParseException(what + " '" + abbreviate(text) + "' is out of range");
        }
        return (int) value;
    }
}
