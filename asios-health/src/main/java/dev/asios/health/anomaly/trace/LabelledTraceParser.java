package dev.asios.health.anomaly.trace;

import dev.asios.host.parse.ParseException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a labelled trace from CSV:
 *
 * <pre>
 * epoch_ms,busy_ratio,read_bytes_per_second,label
 * 1767225600000,0.31,1.2e6,0
 * 1767225601000,0.97,,cpu_hog
 * </pre>
 *
 * <p>The header names {@code epoch_ms}, one or more distinct lower_snake_case signals, and
 * {@code label}. Each row: the round's time in integer epoch milliseconds, later than the row
 * before; one decimal number per signal, where an empty field or {@code NaN} is a value not
 * measured that round; and the label, {@code 0} for a normal round or the name of the fault
 * injected then ({@code 1} or a name of letters, digits, {@code _ . : -}, at most 64). Empty lines
 * and lines starting with {@code #} are skipped; line ends may be CRLF.
 *
 * <p>Pure and thread-safe. Bad input throws {@link ParseException} naming the line, the column
 * and the text.
 */
public final class LabelledTraceParser {

    private static final Pattern SIGNAL = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d{1,3})?");
    private static final Pattern INTEGER = Pattern.compile("\\d{1,18}");
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");

    private LabelledTraceParser() {
    }

    /** Whether {@code text} is a valid label: {@code 0}, {@code 1} or a name of letters, digits, {@code _ . : -}, at most 64. */
    static boolean isLabel(String text) {
        return LABEL.matcher(text).matches();
    }

    /**
     * Reads and parses the file at {@code path}.
     *
     * @throws IOException if it cannot be read
     * @throws ParseException if it is not a labelled trace; the message starts with the path
     */
    public static LabelledTrace read(Path path) throws IOException {
        String text = Files.readString(path, StandardCharsets.UTF_8);
        try {
            return parse(text);
        } catch (ParseException e) {
            throw new ParseException(path + ": " + e.getMessage());
        }
    }

    /**
     * Parses a whole trace.
     *
     * @throws ParseException if the text is not a labelled trace of at least one round
     */
    public static LabelledTrace parse(String text) {
        String[] lines = text.split("\n", -1);
        LabelledTrace.Builder builder = null;
        int columns = 0;
        for (int index = 0; index < lines.length; index++) {
            String line = lines[index].endsWith("\r") ? lines[index].substring(0, lines[index].length() - 1) : lines[index];
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split(",", -1);
            if (builder == null) {
                List<String> signals = header(fields, index + 1);
                builder = LabelledTrace.builder(signals);
                columns = fields.length;
            } else {
                row(builder, fields, columns, index + 1);
            }
        }
        if (builder == null) {
            throw new ParseException("no header: expected 'epoch_ms,<signal>...,label'");
        }
        LabelledTrace trace = builder.build();
        if (trace.size() == 0) {
            throw new ParseException("no rounds after the header");
        }
        return trace;
    }

    private static List<String> header(String[] fields, int line) {
        if (fields.length < 3 || !fields[0].equals("epoch_ms") || !fields[fields.length - 1].equals("label")) {
            throw new ParseException("line " + line + ": header '" + String.join(",", fields) + "' is not 'epoch_ms,<signal>...,label'");
        }
        List<String> signals = List.of(fields).subList(1, fields.length - 1);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < signals.size(); i++) {
            String signal = signals.get(i);
            if (!SIGNAL.matcher(signal).matches() || !seen.add(signal)) {
                throw new ParseException("line " + line + ", column " + (i + 2) + ": signal name '" + signal
                        + "' is not lower_snake_case or repeats");
            }
        }
        return signals;
    }

    private static void row(LabelledTrace.Builder builder, String[] fields, int columns, int line) {
        if (fields.length != columns) {
            throw new ParseException("line " + line + ": " + fields.length + " fields, the header has " + columns);
        }
        if (!INTEGER.matcher(fields[0]).matches()) {
            throw new ParseException("line " + line + ", column 1 (epoch_ms): '" + fields[0] + "' is not a whole number of milliseconds");
        }
        double[] values = new double[columns - 2];
        for (int i = 0; i < values.length; i++) {
            values[i] = value(fields[i + 1], line, i + 2);
        }
        String label = fields[columns - 1];
        if (!LABEL.matcher(label).matches()) {
            throw new ParseException("line " + line + ", column " + columns + " (label): '" + label
                    + "' is not 0, 1 or a fault name of letters, digits, _ . : - (at most 64)");
        }
        try {
            builder.add(Long.parseLong(fields[0]), values, label);
        } catch (IllegalArgumentException e) {
            throw new ParseException("line " + line + ": " + e.getMessage());
        }
    }

    private static double value(String field, int line, int column) {
        if (field.isEmpty() || field.equals("NaN")) {
            return Double.NaN;
        }
        if (!NUMBER.matcher(field).matches()) {
            throw new ParseException("line " + line + ", column " + column + ": '" + field + "' is not a decimal number, empty or NaN");
        }
        double value = Double.parseDouble(field);
        if (Double.isInfinite(value)) {
            throw new ParseException("line " + line + ", column " + column + ": '" + field + "' is out of range");
        }
        return value;
    }
}
