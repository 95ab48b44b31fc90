package dev.asios.health.forecast;

import dev.asios.host.parse.ParseException;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * Parses a recorded series as CSV: one {@code epoch_ms,value} line per sample, times strictly
 * increasing, values finite decimal numbers ({@code 1.5e9} allowed). An optional header line
 * {@code epoch_ms,value} comes first; blank lines and lines starting with {@code #} are skipped;
 * spaces around fields and a trailing carriage return are allowed. Pure and thread-safe.
 */
public final class EpochValueCsv {

    /** The header line, optional. */
    public static final String HEADER = "epoch_ms,value";

    private static final Pattern EPOCH_MS = Pattern.compile("\\d{1,18}");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d{1,3})?");

    private EpochValueCsv() {
    }

    /**
     * The series in {@code text}.
     *
     * @throws ParseException naming the line (from 1) and quoting it, if a line is not
     *     {@code epoch_ms,value}, a time does not increase, a value is not a finite number, or
     *     there is no sample at all
     */
    public static TimedValues parse(String text) {
        long[] times = new long[256];
        double[] values = new double[256];
        int count = 0;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#") || (count == 0 && line.equals(HEADER))) {
                continue;
            }
            if (count == times.length) {
                times = Arrays.copyOf(times, count * 2);
                values = Arrays.copyOf(values, count * 2);
            }
            String[] fields = fields(i + 1, line);
            times[count] = epochMs(i + 1, line, fields[0], count == 0 ? Long.MIN_VALUE : times[count - 1]);
            values[count] = value(i + 1, line, fields[1]);
            count++;
        }
        if (count == 0) {
            throw new ParseException("no samples: expected lines of " + HEADER + " (an optional header, then one line per sample)");
        }
        return new TimedValues(Arrays.copyOf(times, count), Arrays.copyOf(values, count));
    }

    private static long epochMs(int lineNumber, String line, String field, long previous) {
        if (!EPOCH_MS.matcher(field).matches()) {
            throw new ParseException(at(lineNumber, line) + "the time '" + field + "' is not a whole number of milliseconds since the epoch");
        }
        long epochMs = Long.parseLong(field);
        if (epochMs <= previous) {
            throw new ParseException(at(lineNumber, line) + "the time " + epochMs + " is not after the previous sample's " + previous);
        }
        return epochMs;
    }

    private static double value(int lineNumber, String line, String field) {
        double value = DECIMAL.matcher(field).matches() ? Double.parseDouble(field) : Double.NaN;
        if (!Double.isFinite(value)) {
            throw new ParseException(at(lineNumber, line) + "the value '" + field + "' is not a finite decimal number");
        }
        return value;
    }

    private static String[] fields(int lineNumber, String line) {
        String[] fields = line.split(",", -1);
        if (fields.length != 2) {
            throw new ParseException(at(lineNumber, line) + "expected two fields, " + HEADER + ", found " + fields.length);
        }
        return new String[] {fields[0].strip(), fields[1].strip()};
    }

    private static String at(int lineNumber, String line) {
        String quoted = line.length() > 80 ? line.substring(0, 80) + "..." : line;
        return "line " + lineNumber + " '" + quoted + "': ";
    }
}
