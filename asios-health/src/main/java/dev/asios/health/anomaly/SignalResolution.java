package dev.asios.health.anomaly;

/**
 * The smallest change of a signal that means something, from the unit its name ends with: one
 * scheduler tick's share of a CPU-second for a ratio (1 %), 10 µs for a time, 1 MiB/s for a
 * byte rate, 10 per second for an event rate, 2 MiB (a hugepage) for a size, one degree, one
 * watt, 10 MHz, one task or request in a queue. A detector never scales a signal's spread below
 * it: a signal that was constant while the detector calibrated (an idle CPU's interrupt time of
 * 0) would otherwise make its first jiffy of change look like a huge jump. Names of no known unit
 * have no floor (0). Pure and thread-safe.
 */
final class SignalResolution {

    private static final double MIB = 1024.0 * 1024;

    private SignalResolution() {
    }

    /** The resolution of the signal named {@code signal}, in its unit; 0 when its unit is not known. */
    static double of(String signal) {
        if (signal.endsWith("_ratio")) {
            return 0.01;
        }
        if (signal.endsWith("_bytes_per_second")) {
            return MIB;
        }
        if (signal.endsWith("_seconds_per_second") || signal.equals("cpu_cores_used")) {
            return 0.01;
        }
        if (signal.endsWith("_per_second") || signal.equals("iops")) {
            return 10;
        }
        if (signal.endsWith("_seconds")) {
            return 1e-5;
        }
        if (signal.endsWith("_bytes")) {
            return 2 * MIB;
        }
        if (signal.endsWith("_hertz")) {
            return 1e7;
        }
        if (signal.endsWith("_celsius") || signal.endsWith("_watts") || signal.startsWith("procs_") || signal.equals("queue_depth")) {
            return 1;
        }
        return 0;
    }
}
