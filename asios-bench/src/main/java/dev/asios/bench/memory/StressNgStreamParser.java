package dev.asios.bench.memory;

import dev.asios.host.parse.ParseException;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the output of {@code stress-ng --stream N --metrics} (0.13 to 0.17). Pure.
 */
public final class StressNgStreamParser {

    private static final String NUMBER = "(\\d{1,15}(?:\\.\\d{1,15})?)";

    // "stress-ng: info:  [4966] stream: memory rate: 5590.81 MB read/sec, 3727.21 MB write/sec, 488.53 Mflop/sec (instance 1)"
    private static final Pattern INSTANCE = Pattern.compile(
            "stream: memory rate: " + NUMBER + " MB read/sec, " + NUMBER + " MB write/sec,.*\\(instance (\\d{1,9})\\)");

    // "stress-ng: metrc: [4963] stream  5668.28 memory read rate (MB per sec) (geometic mean of 2 instances)", or in
    // later versions "stream  5668.28 MB per sec memory read rate (harmonic mean of 2 instances)".
    private static final Pattern METRIC = Pattern.compile(
            "\\bstream\\s+" + NUMBER + " (?:MB per sec )?memory (read|write) rate .*\\(\\w+ mean of (\\d{1,9}) instances?\\)");

    private StressNgStreamParser() {
    }

    /**
     * The stream stressor's read and write rates over all its instances: the sum of the
     * per-instance {@code memory rate:} lines, or when there are none, the mean of the metrics
     * lines times the number of instances they average.
     *
     * @throws ParseException if neither kind of line is there (a run too short to measure, which
     *     stress-ng reports as "run duration too short"), an instance is reported twice, or the
     *     metrics give only one of the two rates
     */
    public static StressNgStreamRate parse(String output) {
        int instances = 0;
        double read = 0;
        double write = 0;
        Set<Long> seen = new HashSet<>();
        for (String line : output.split("\n")) {
            Matcher instance = INSTANCE.matcher(line);
            if (instance.find()) {
                if (!seen.add(Long.parseLong(instance.group(3)))) {
                    throw new ParseException("stress-ng reports stream instance " + instance.group(3) + " twice: '" + line.strip() + "'");
                }
                instances++;
                read += Double.parseDouble(instance.group(1));
                write += Double.parseDouble(instance.group(2));
            }
        }
        return instances > 0 ? positive(instances, read, write) : fromMetrics(output);
    }

    private static StressNgStreamRate fromMetrics(String output) {
        double read = -1;
        double write = -1;
        int instances = 0;
        for (String line : output.split("\n")) {
            Matcher metric = METRIC.matcher(line);
            if (metric.find()) {
                instances = Integer.parseInt(metric.group(3));
                double total = Double.parseDouble(metric.group(1)) * instances;
                if (metric.group(2).equals("read")) {
                    read = total;
                } else {
                    write = total;
                }
            }
        }
        if (read < 0 && write < 0) {
            throw new ParseException("stress-ng output has no stream memory rate (no 'stream: memory rate: R MB read/sec, W MB write/sec' "
                    + "and no 'memory read rate' metric); a run of under 5 s of stream work reports none" + tooShort(output));
        }
        if (read < 0 || write < 0) {
            throw new ParseException("stress-ng output has the stream memory " + (read < 0 ? "write" : "read") + " rate but not the other");
        }
        if (instances == 0) {
            throw new ParseException("stress-ng stream metrics average 0 instances");
        }
        return positive(instances, read, write);
    }

    private static String tooShort(String output) {
        return output.lines().filter(line -> line.contains("too short")).findFirst().map(line -> "; stress-ng said: '" + line.strip() + "'")
                .orElse("");
    }

    private static StressNgStreamRate positive(int instances, double read, double write) {
        if (!(read + write > 0)) {
            throw new ParseException("stress-ng reports a stream memory rate of 0 MB/sec over " + instances + " instances");
        }
        return new StressNgStreamRate(instances, read, write);
    }
}
