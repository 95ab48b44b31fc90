package dev.asios.health.heal.neighbour;

import java.util.Locale;

/** Numbers as the neighbour's evidence prints them, never in the host's locale. */
final class Units {

    private static final double MIB = 1024.0 * 1024.0;

    private Units() {
    }

    /** {@code value} with {@code decimals} decimals. */
    static String decimal(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    /** Bytes in MiB: {@code 512.0 MiB}. */
    static String mebibytes(double bytes) {
        return decimal(bytes / MIB, 1) + " MiB";
    }

    /** Bytes in MiB with a sign: {@code +3.2 MiB}, {@code -1.0 MiB}. */
    static String signedMebibytes(double bytes) {
        return (bytes >= 0 ? "+" : "") + mebibytes(bytes);
    }
}
