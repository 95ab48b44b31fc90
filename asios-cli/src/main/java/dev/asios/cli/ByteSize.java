package dev.asios.cli;

import java.util.Locale;

/** Parses sizes as users write them: {@code 64G}, {@code 512MiB}, {@code 1t}, {@code 4096} (bytes). Binary units. */
public final class ByteSize {

    private ByteSize() {
    }

    /**
     * The size in bytes.
     *
     * @throws IllegalArgumentException naming the option and the accepted forms
     */
    public static long parse(String option, String text) {
        String t = text.strip().toUpperCase(Locale.ROOT);
        if (t.endsWith("IB")) {
            t = t.substring(0, t.length() - 2);
        } else if (t.endsWith("B")) {
            t = t.substring(0, t.length() - 1);
        }
        int shift = 0;
        if (!t.isEmpty() && "KMGT".indexOf(t.charAt(t.length() - 1)) >= 0) {
            shift = 10 * ("KMGT".indexOf(t.charAt(t.length() - 1)) + 1);
            t = t.substring(0, t.length() - 1);
        }
        try {
            long value = Long.parseLong(t);
            if (value <= 0 || value > (Long.MAX_VALUE >> shift)) {
                throw new NumberFormatException();
            }
            return value << shift;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " '" + text + "': expected a positive size such as 4096, 512M, 64G or 1T");
        }
    }
}
