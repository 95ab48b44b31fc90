package dev.asios.bench.memory;

import dev.asios.host.parse.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses what {@code likwid-bench} (5.x) prints: the {@code MByte/s:} line of a run (10^6 bytes a
 * second, STREAM's count of bytes), and the test names of {@code likwid-bench -a}. Pure.
 */
public final class LikwidBenchParser {

    private static final Pattern RATE = Pattern.compile("^MByte/s:\\s+(\\d{1,15}(?:\\.\\d{1,15})?)\\s*$", Pattern.MULTILINE);
    private static final Pattern TEST = Pattern.compile("^([a-z0-9_]{1,64}) - ", Pattern.MULTILINE);

    private LikwidBenchParser() {
    }

    /**
     * The bandwidth of one run, in MB/s.
     *
     * @throws ParseException if there is no {@code MByte/s:} line, more than one, or the rate is not positive
     */
    public static double parseRate(String output) {
        Matcher matcher = RATE.matcher(output);
        if (!matcher.find()) {
            throw new ParseException("likwid-bench printed no 'MByte/s:' line");
        }
        String text = matcher.group(1);
        if (matcher.find()) {
            throw new ParseException("likwid-bench printed more than one 'MByte/s:' line; expected one work group");
        }
        double rate = Double.parseDouble(text);
        if (!(rate > 0)) {
            throw new ParseException("likwid-bench measured " + text + " MByte/s; expected a positive rate");
        }
        return rate;
    }

    /** The test names that {@code likwid-bench -a} lists, in order. */
    public static List<String> parseTests(String output) {
        List<String> tests = new ArrayList<>();
        Matcher matcher = TEST.matcher(output);
        while (matcher.find()) {
            tests.add(matcher.group(1));
        }
        return tests;
    }
}
