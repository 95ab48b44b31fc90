package dev.asios.run.store;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * New run ids: the UTC start time and four random hex digits, {@code 20261125-073012-a3f2}. They
 * sort by time, fit a cgroup name, and two runs started in the same second differ.
 */
public final class RunIds {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();

    private RunIds() {
    }

    /** A new id for a run starting now by {@code clock}. */
    public static String next(Clock clock) {
        byte[] suffix = new byte[2];
        RANDOM.nextBytes(suffix);
        return TIME.format(clock.instant()) + "-" + HexFormat.of().formatHex(suffix);
    }

    /** True when {@code text} has the form of a run id (so it is safe in a path). */
    public static boolean valid(String text) {
        return text.matches("\\d{8}-\\d{6}-[0-9a-f]{4}");
    }
}
