package dev.asios.bench.memory;

import dev.asios.host.parse.ParseException;
import java.util.regex.Pattern;

/**
 * Parses the output of John McCalpin's STREAM ({@code stream.c}, version 5.x). Pure.
 */
public final class StreamOutputParser {

    // A rate as STREAM prints it with "%12.1f": digits, an optional fraction, no sign.
    private static final Pattern RATE = Pattern.compile("\\d{1,15}(\\.\\d{1,15})?");

    private StreamOutputParser() {
    }

    // Format: "Function    Best Rate MB/s  Avg time     Min time     Max time" then one line a kernel,
    // "Triad:          24484.2     0.146213     0.133619     0.169873", and "Solution Validates: ..." or
    // "Failed Validation on array a[], ...".
    /**
     * The best rate of each kernel, in MB/s (10^6 bytes a second), from the {@code Copy:},
     * {@code Scale:}, {@code Add:} and {@code Triad:} lines; other lines are skipped.
     *
     * @throws ParseException if a kernel's line is missing, repeated or has no positive rate, or
     *     STREAM reports that its results failed validation
     */
    public static StreamRates parse(String output) {
        double[] rates = new double[StreamKernel.values().length];
        for (String line : output.split("\n")) {
            String stripped = line.strip();
            if (stripped.startsWith("Failed Validation")) {
                throw new ParseException("STREAM's results failed validation: '" + stripped + "'");
            }
            for (StreamKernel kernel : StreamKernel.values()) {
                if (stripped.startsWith(kernel.label() + ":")) {
                    if (rates[kernel.ordinal()] > 0) {
                        throw new ParseException("STREAM output has a second " + kernel.label() + " line: '" + stripped + "'");
                    }
                    rates[kernel.ordinal()] = rate(kernel, stripped);
                }
            }
        }
        for (StreamKernel kernel : StreamKernel.values()) {
            if (rates[kernel.ordinal()] == 0) {
                throw new ParseException("STREAM output has no '" + kernel.label() + ": RATE ...' line; expected the table after "
                        + "'Function    Best Rate MB/s'");
            }
        }
        return new StreamRates(rates[0], rates[1], rates[2], rates[3]);
    }

    private static double rate(StreamKernel kernel, String line) {
        String[] fields = line.substring(kernel.label().length() + 1).strip().split("\\s+");
        if (!RATE.matcher(fields[0]).matches()) {
            throw new ParseException("STREAM " + kernel.label() + " line has no rate in MB/s: '" + line + "'");
        }
        double rate = Double.parseDouble(fields[0]);
        if (!(rate > 0)) {
            throw new ParseException("STREAM " + kernel.label() + " rate is not positive: '" + line + "'");
        }
        return rate;
    }
}
