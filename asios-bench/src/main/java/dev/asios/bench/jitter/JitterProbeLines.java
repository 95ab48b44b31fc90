package dev.asios.bench.jitter;

import dev.asios.bench.LatencyCounts;
import dev.asios.host.parse.ParseException;
import java.util.Locale;

/**
 * The lines {@link JitterProbeMain} prints, written and read back:
 * {@code latency P50 P99 P999 MAX SAMPLES} (microseconds), {@code counts US:COUNT ...} and
 * {@code noise THRESHOLD_NS GAPS MAX_GAP_US P99_GAP_US NS_PER_S}. Stateless.
 */
final class JitterProbeLines {

    static final String LATENCY = "latency";
    static final String COUNTS = "counts";
    static final String NOISE = "noise";

    private JitterProbeLines() {
    }

    static String latency(WakeupLatency l) {
        return String.format(Locale.ROOT, "%s %.0f %.0f %.0f %.0f %d", LATENCY, l.p50Us(), l.p99Us(), l.p999Us(), l.maxUs(), l.samples());
    }

    static String noise(OsNoise n) {
        return String.format(Locale.ROOT, "%s %d %d %s %s %s", NOISE, n.thresholdNs(), n.gaps(), n.maxGapUs(), n.p99GapUs(), n.noiseNsPerSecond());
    }

    /**
     * The wake-up latency of a {@code latency} line.
     *
     * @throws ParseException if the line is not one, or its numbers do not make a latency
     */
    static WakeupLatency parseLatency(String line) throws ParseException {
        String[] f = fields(line, LATENCY, 6);
        try {
            return new WakeupLatency(number(f[1]), number(f[2]), number(f[3]), number(f[4]), Long.parseLong(f[5]));
        } catch (IllegalArgumentException e) {
            throw new ParseException("bad latency line '" + line + "': " + e.getMessage());
        }
    }

    /**
     * Adds the counts of a {@code counts} line to {@code into}.
     *
     * @throws ParseException if the line is not one, or a pair is not {@code US:COUNT} of numbers at least 0
     */
    static void parseCounts(String line, LatencyCounts into) throws ParseException {
        String[] f = line.strip().split(" +");
        if (!f[0].equals(COUNTS)) {
            throw new ParseException("expected a '" + COUNTS + "' line, got '" + line + "'");
        }
        for (int i = 1; i < f.length; i++) {
            int colon = f[i].indexOf(':');
            try {
                into.add(Long.parseLong(f[i].substring(0, colon)), Long.parseLong(f[i].substring(colon + 1)));
            } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
                throw new ParseException("bad count '" + f[i] + "' in the counts line: expected US:COUNT");
            }
        }
    }

    /**
     * The OS noise of a {@code noise} line.
     *
     * @throws ParseException if the line is not one
     */
    static OsNoise parseNoise(String line) throws ParseException {
        String[] f = fields(line, NOISE, 6);
        try {
            return new OsNoise(Long.parseLong(f[1]), Long.parseLong(f[2]), number(f[3]), number(f[4]), number(f[5]));
        } catch (IllegalArgumentException e) {
            throw new ParseException("bad noise line '" + line + "': " + e.getMessage());
        }
    }

    private static String[] fields(String line, String kind, int count) throws ParseException {
        String[] f = line.strip().split(" +");
        if (f.length != count || !f[0].equals(kind)) {
            throw new ParseException("expected '" + kind + "' and " + (count - 1) + " numbers, got '" + line + "'");
        }
        return f;
    }

    private static double number(String text) {
        double value = Double.parseDouble(text);
        if (!Double.isFinite(value) || value < 0) {
            throw new NumberFormatException("'" + text + "' is not a finite number at least 0");
        }
        return value;
    }
}
