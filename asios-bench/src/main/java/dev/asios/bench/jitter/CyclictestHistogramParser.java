package dev.asios.bench.jitter;

import dev.asios.host.parse.ParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads what {@code cyclictest --histogram=N --quiet --threads=1} prints. Pure: text in, value out.
 * Other lines (cyclictest's notes and warnings, the overflow cycle numbers) are skipped.
 * Thread-safe (stateless).
 */
public final class CyclictestHistogramParser {

    // "# Total:" counts the wake-ups in the buckets only; the overflows come on their own line.
    private static final String TOTAL = "# Total:";
    private static final String MIN = "# Min Latencies:";
    private static final String AVG = "# Avg Latencies:";
    private static final String MAX = "# Max Latencies:";
    private static final String OVERFLOWS = "# Histogram Overflows:";
    private static final List<String> SUMMARY_KEYS = List.of(TOTAL, MIN, AVG, MAX, OVERFLOWS);
    // 18 decimal digits always fit a long.
    private static final int MAX_DIGITS = 18;

    private CyclictestHistogramParser() {
    }

    // Format, one thread:
    //   # Histogram
    //   000000 000000            bucket in us (from 0, one line each up to N-1), then its count
    //   # Total: 000001992
    //   # Min Latencies: 00016
    //   # Avg Latencies: 00048
    //   # Max Latencies: 07089
    //   # Histogram Overflows: 00001
    //   # Histogram Overflow at cycle number:
    //   # Thread 0: 00602
    /**
     * Parses cyclictest's histogram output.
     *
     * @throws ParseException if there are no bucket lines, a bucket is out of order, a line has
     *     more than one thread's values, a summary line is missing or repeated, the total or the
     *     maximum disagrees with the buckets, a number is not a decimal of at most 18 digits, or
     *     there are no wake-ups at all
     */
    public static CyclictestHistogram parse(String text) {
        long[] counts = new long[64];
        int buckets = 0;
        Map<String, Long> summary = new HashMap<>();
        for (String raw : text.lines().toList()) {
            String line = raw.strip();
            if (line.startsWith("#")) {
                summaryLine(line, summary);
            } else if (!line.isEmpty() && Character.isDigit(line.charAt(0))) {
                String[] fields = line.split("\\s+");
                if (fields.length != 2) {
                    throw new ParseException("histogram line '" + line + "' has " + (fields.length - 1) + " counts; one thread expected");
                }
                if (number(fields[0], line) != buckets) {
                    throw new ParseException("histogram line '" + line + "' is out of order: bucket " + buckets + " expected");
                }
                if (buckets == counts.length) {
                    counts = Arrays.copyOf(counts, buckets * 2);
                }
                counts[buckets++] = number(fields[1], line);
            }
        }
        return histogram(Arrays.copyOf(counts, buckets), summary);
    }

    private static void summaryLine(String line, Map<String, Long> summary) {
        for (String key : SUMMARY_KEYS) {
            if (line.startsWith(key)) {
                String[] values = line.substring(key.length()).strip().split("\\s+");
                if (values.length != 1) {
                    throw new ParseException("'" + line + "' has " + values.length + " values; one thread expected");
                }
                if (summary.put(key, number(values[0], line)) != null) {
                    throw new ParseException("'" + key + "' appears twice");
                }
            }
        }
    }

    private static CyclictestHistogram histogram(long[] counts, Map<String, Long> summary) {
        if (counts.length == 0) {
            throw new ParseException("no histogram lines ('000012 000345'); was cyclictest run with --histogram?");
        }
        for (String key : List.of(MIN, AVG, MAX, OVERFLOWS)) {
            if (!summary.containsKey(key)) {
                throw new ParseException("no '" + key + "' line after the histogram");
            }
        }
        long inBuckets = 0;
        int lastUsed = -1;
        for (int bucket = 0; bucket < counts.length; bucket++) {
            inBuckets = add(inBuckets, counts[bucket]);
            lastUsed = counts[bucket] > 0 ? bucket : lastUsed;
        }
        if (summary.containsKey(TOTAL) && summary.get(TOTAL) != inBuckets) {
            throw new ParseException("'" + TOTAL + " " + summary.get(TOTAL) + "' disagrees with the buckets, which hold " + inBuckets);
        }
        long overflows = summary.get(OVERFLOWS);
        if (add(inBuckets, overflows) == 0) {
            throw new ParseException("cyclictest recorded no wake-ups");
        }
        long maxUs = summary.get(MAX);
        if (maxUs < lastUsed || (overflows > 0 && maxUs < counts.length)) {
            throw new ParseException("'" + MAX + " " + maxUs + "' is below the largest latency in the histogram");
        }
        return new CyclictestHistogram(counts, overflows, summary.get(MIN), summary.get(AVG), maxUs);
    }

    private static long add(long a, long b) {
        try {
            return Math.addExact(a, b);
        } catch (ArithmeticException e) {
            throw new ParseException("the histogram's counts add up past " + Long.MAX_VALUE);
        }
    }

    private static long number(String field, String line) {
        if (field.isEmpty() || field.length() > MAX_DIGITS || !field.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new ParseException("'" + field + "' in '" + line + "' is not a count (1 to " + MAX_DIGITS + " decimal digits)");
        }
        return Long.parseLong(field);
    }
}
