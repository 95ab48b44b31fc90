package dev.asios.bench.e2e;

import dev.asios.host.parse.ParseException;
import java.util.NavigableMap;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * The lines {@link InferenceServerMain} prints on its standard output, written and read here. At
 * the end of a round it prints one line, {@code served throughput=T offered=O p50=A p99=B p999=C
 * max=D within=W total=N counts=US:COUNT,US:COUNT,...} (rates in requests a second, latencies in
 * whole microseconds), or {@code error MESSAGE} when it fails. The reader is a parser of outside
 * input: pure, thread-safe, and it throws nothing but {@link ParseException}.
 */
final class ServerLines {

    private static final String SERVED = "served ";
    private static final String ERROR = "error ";
    private static final String[] KEYS = {"throughput", "offered", "p50", "p99", "p999", "max", "within", "total", "counts"};
    private static final int QUOTE_CHARS = 120;

    private ServerLines() {
    }

    /** The line that reports {@code round}. */
    static String served(ServerRound round) {
        StringJoiner counts = new StringJoiner(",");
        round.countsUs().forEach((us, count) -> counts.add(us + ":" + count));
        return SERVED + "throughput=" + round.throughputPerSecond() + " offered=" + round.offeredPerSecond() + " p50=" + round.p50Us()
                + " p99=" + round.p99Us() + " p999=" + round.p999Us() + " max=" + round.maxUs() + " within=" + round.withinSla() + " total="
                + round.requests() + " counts=" + counts;
    }

    /** The line that says the server failed, and why. */
    static String error(String message) {
        return ERROR + message;
    }

    /** Whether {@code line} is one the parent waits for, rather than something else the JVM printed. */
    static boolean isReport(String line) {
        return line.startsWith(SERVED) || line.startsWith(ERROR);
    }

    /**
     * The round a {@code served} line reports.
     *
     * @throws ParseException if it is an {@code error} line (quoted), or not a {@code served} line
     *     with every field in order and in bounds (see {@link ServerRound})
     */
    static ServerRound parse(String line) {
        if (line.startsWith(ERROR)) {
            throw new ParseException("the inference server failed: \"" + line.substring(ERROR.length()) + "\"");
        }
        if (!line.startsWith(SERVED)) {
            throw new ParseException("expected a line starting \"served\", got " + quote(line));
        }
        String[] words = line.substring(SERVED.length()).split(" ", -1);
        if (words.length != KEYS.length) {
            throw new ParseException("expected " + KEYS.length + " fields (" + String.join("=, ", KEYS) + "=), got " + words.length + ": " + quote(line));
        }
        String[] values = new String[KEYS.length];
        for (int k = 0; k < KEYS.length; k++) {
            if (!words[k].startsWith(KEYS[k] + "=")) {
                throw new ParseException("expected field " + (k + 1) + " to be " + KEYS[k] + "=..., got " + quote(words[k]));
            }
            values[k] = words[k].substring(KEYS[k].length() + 1);
        }
        try {
            return new ServerRound(Double.parseDouble(values[0]), Double.parseDouble(values[1]), Long.parseLong(values[2]),
                    Long.parseLong(values[3]), Long.parseLong(values[4]), Long.parseLong(values[5]), Long.parseLong(values[6]),
                    Long.parseLong(values[7]), counts(values[8]));
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new ParseException("a served line out of bounds (" + e.getMessage() + "): " + quote(line));
        }
    }

    private static NavigableMap<Long, Long> counts(String text) {
        TreeMap<Long, Long> counts = new TreeMap<>();
        if (text.isEmpty()) {
            return counts;
        }
        long previous = Long.MIN_VALUE;
        for (String pair : text.split(",", -1)) {
            int colon = pair.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("a count is US:COUNT, not \"" + pair + "\"");
            }
            long us = Long.parseLong(pair.substring(0, colon));
            if (us <= previous) {
                throw new IllegalArgumentException("latencies must rise: " + us + " after " + previous);
            }
            counts.put(us, Long.parseLong(pair.substring(colon + 1)));
            previous = us;
        }
        return counts;
    }

    private static String quote(String text) {
        return "\"" + (text.length() > QUOTE_CHARS ? text.substring(0, QUOTE_CHARS) + "..." : text) + "\"";
    }
}
