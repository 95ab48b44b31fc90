package dev.asios.host.cgroup;

import dev.asios.host.parse.ByteText;
import dev.asios.host.parse.ParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parses the cgroup statistics files that are one {@code key value} pair per line. Pure;
 * {@link #select} allocates nothing, for collectors that read these files every interval.
 */
public final class FlatKeyedParser {

    /** What {@link #select} gives a key that the file does not have. */
    public static final long ABSENT = -1;

    private FlatKeyedParser() {
    }

    // Format of cpu.stat, memory.stat, cpuacct.stat: "usage_usec 1234\nuser_usec 1000\n..."
    /**
     * The counters of a flat keyed file; lines that are not a key and a non-negative whole number
     * are skipped.
     *
     * @throws ParseException if no line is a counter
     */
    public static Map<String, Long> parse(String text) {
        Map<String, Long> counters = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            String[] parts = line.strip().split("\\s+");
            if (parts.length == 2 && !parts[0].isEmpty() && isCount(parts[1])) {
                counters.put(parts[0], Long.parseLong(parts[1]));
            }
        }
        if (counters.isEmpty()) {
            throw new ParseException("no 'key number' line found; expected a cgroup statistics file");
        }
        return counters;
    }

    /**
     * Reads the values of {@code keys} from the flat keyed file in {@code text} (from its first
     * line) into {@code values}, index for index; a key the file lacks gets {@link #ABSENT}, and
     * lines of other keys are skipped. Allocates nothing unless it throws.
     *
     * @throws ParseException if the line of a wanted key has no non-negative whole number after
     *     the key (the message quotes the line)
     * @throws IllegalArgumentException if {@code values} is shorter than {@code keys}
     */
    public static void select(ByteText text, String[] keys, long[] values) {
        if (values.length < keys.length) {
            throw new IllegalArgumentException(values.length + " values for " + keys.length + " keys");
        }
        Arrays.fill(values, 0, keys.length, ABSENT);
        text.rewind();
        while (text.nextLine()) {
            int key = text.nextWordIndex(keys);
            if (key >= 0) {
                long value = text.nextLong();
                if (value < 0) {
                    throw new ParseException("negative count in line '" + text.currentLine() + "'");
                }
                values[key] = value;
            }
        }
    }

    // Format of cpuacct.usage_percpu: "123 456 0 0 \n", nanoseconds per possible CPU
    /**
     * The numbers of a space-separated list, in order.
     *
     * @throws ParseException if a field is not a non-negative whole number
     */
    public static long[] parseList(String text) {
        String stripped = text.strip();
        if (stripped.isEmpty()) {
            return new long[0];
        }
        String[] fields = stripped.split("\\s+");
        long[] values = new long[fields.length];
        for (int i = 0; i < fields.length; i++) {
            if (!isCount(fields[i])) {
                throw new ParseException("field " + (i + 1) + " is '" + abbreviate(fields[i]) + "', expected a whole number");
            }
            values[i] = Long.parseLong(fields[i]);
        }
        return values;
    }

    /** A whole number that fits a long: up to 19 digits, as v1's "no limit" 9223372036854771712. */
    private static boolean isCount(String s) {
        return !s.isEmpty() && s.chars().allMatch(Character::isDigit)
                && (s.length() < 19 || s.length() == 19 && s.compareTo(String.valueOf(Long.MAX_VALUE)) <= 0);
    }

    private static String abbreviate(String s) {
        return s.length() > 20 ? s.substring(0, 20) + "..." : s;
    }
}
