package dev.asios.bench.network;

import dev.asios.host.parse.ParseException;

/**
 * The lines {@link TcpSink} and {@link TcpSource} print on their standard output, written and read
 * here. The receiver prints {@code listening PORT} once its socket is bound, then {@code received
 * BYTES bytes in NANOS ns} once the measured window is over; the sender prints {@code connected
 * STREAMS} once its connections are open; either prints {@code error MESSAGE} instead when it
 * fails. The readers are pure and thread-safe.
 */
final class ProbeLines {

    private static final String LISTENING = "listening ";
    private static final String RECEIVED = "received ";
    private static final String CONNECTED = "connected ";
    private static final String ERROR = "error ";

    private ProbeLines() {
    }

    /** The line that says the receiver listens on {@code port}. */
    static String listening(int port) {
        return LISTENING + port;
    }

    /** The line that says {@code bytes} arrived in {@code nanos} nanoseconds of the window. */
    static String received(long bytes, long nanos) {
        return RECEIVED + bytes + " bytes in " + nanos + " ns";
    }

    /** The line that says the sender opened its {@code streams} connections. */
    static String connected(int streams) {
        return CONNECTED + streams;
    }

    /** The line that says the receiver or the sender failed, and why. */
    static String error(String message) {
        return ERROR + message;
    }

    /** Whether {@code line} is one a caller waits for, rather than something else the JVM printed. */
    static boolean isReport(String line) {
        return line.startsWith(LISTENING) || line.startsWith(CONNECTED) || line.startsWith(RECEIVED) || line.startsWith(ERROR);
    }

    /**
     * Checks a {@code connected} line.
     *
     * @throws ParseException if it is an {@code error} line (quoted), or another line
     */
    static void checkConnected(String line) {
        field(line, CONNECTED);
    }

    /**
     * The port of a {@code listening} line.
     *
     * @throws ParseException if it is an {@code error} line (quoted), or not a {@code listening} line with a port in 1..65535
     */
    static int parsePort(String line) {
        String value = field(line, LISTENING);
        try {
            int port = Integer.parseInt(value);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below with the line
        }
        throw new ParseException("expected \"listening PORT\" with a port in 1..65535, got \"" + line + "\"");
    }

    /**
     * The receiver's throughput, in Gbit/s (10^9 bit/s), from a {@code received} line.
     *
     * @throws ParseException if it is an {@code error} line (quoted), or not a {@code received} line
     *     with bytes >= 0 and nanoseconds > 0
     */
    static double parseGbitPerSecond(String line) {
        String[] words = field(line, RECEIVED).split(" ");
        try {
            if (words.length == 5 && words[1].equals("bytes") && words[2].equals("in") && words[4].equals("ns")) {
                long bytes = Long.parseLong(words[0]);
                long nanos = Long.parseLong(words[3]);
                if (bytes >= 0 && nanos > 0) {
                    return bytes * 8.0 / nanos;
                }
            }
        } catch (NumberFormatException e) {
            // reported below with the line
        }
        throw new ParseException("expected \"received BYTES bytes in NANOS ns\" with BYTES >= 0 and NANOS > 0, got \"" + line + "\"");
    }

    private static String field(String line, String prefix) {
        if (line.startsWith(ERROR)) {
            throw new ParseException("the endpoint failed: \"" + line.substring(ERROR.length()) + "\"");
        }
        if (!line.startsWith(prefix)) {
            throw new ParseException("expected a line starting \"" + prefix.strip() + "\", got \"" + line + "\"");
        }
        return line.substring(prefix.length());
    }
}
