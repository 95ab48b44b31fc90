package dev.asios.run.place;

import java.util.Locale;

/** Byte counts for messages and for the {@code --memory} option. Thread-safe. */
final class Sizes {

    private static final long MIB = 1L << 20;
    private static final long GIB = 1L << 30;

    private Sizes() {
    }

    /** "480 GiB", "1.5 GiB", "512 MiB", "4096 bytes". */
    static String readable(long bytes) {
        if (bytes >= GIB) {
            double gib = (double) bytes / GIB;
            return (gib == Math.rint(gib) ? String.valueOf((long) gib) : String.format(Locale.ROOT, "%.1f", gib)) + " GiB";
        }
        return bytes >= MIB ? bytes / MIB + " MiB" : bytes + " bytes";
    }

    /** The {@code --memory} value of at most {@code bytes}: whole GiB ("480G"), else whole MiB ("512M"). */
    static String option(long bytes) {
        return bytes >= GIB ? bytes / GIB + "G" : bytes / MIB + "M";
    }
}
