package dev.asios.observe.cpu;

import dev.asios.host.parse.ByteText;
import dev.asios.host.parse.ParseException;
import dev.asios.observe.kerneltext.TextSample;
import java.util.Arrays;
import java.util.Locale;

/**
 * One reading of {@code /proc/softirqs}: for each softirq type, the count per CPU column. The
 * columns are the possible CPUs, offline ones included. A row of a type not in {@link #TYPES} (a
 * newer kernel's) is skipped. Not thread-safe.
 */
final class SoftirqCounts implements TextSample {

    /** The softirq types, lower-case, in the kernel's order ({@code softirq_to_name}). */
    static final String[] TYPES = {"hi", "timer", "net_tx", "net_rx", "block", "irq_poll", "tasklet", "sched", "hrtimer", "rcu"};

    private static final String[] ROW_NAMES = Arrays.stream(TYPES).map(type -> type.toUpperCase(Locale.ROOT) + ":").toArray(String[]::new);

    private final CpuIds columns = new CpuIds();
    private final boolean[] present = new boolean[TYPES.length];
    private long[] counts = new long[16 * TYPES.length];

    // Format: "                    CPU0       CPU1\n          HI:          0          0\n       TIMER:     477537     537825"
    /**
     * Reads the header and the rows.
     *
     * @throws ParseException if the header is not {@code CPU0 CPU1 ...} or a known row does not
     *     have exactly one count per column
     */
    @Override
    public void parse(ByteText text) {
        columns.readHeader(text);
        int width = columns.count();
        if (counts.length < width * TYPES.length) {
            counts = new long[width * TYPES.length];
        }
        Arrays.fill(present, false);
        while (text.nextLine()) {
            int type = text.nextWordIndex(ROW_NAMES);
            if (type < 0) {
                continue;
            }
            for (int column = 0; column < width; column++) {
                if (!text.hasWord()) {
                    throw new ParseException("row '" + text.currentLine() + "' has " + column + " counts for " + width + " CPU columns");
                }
                counts[column * TYPES.length + type] = text.nextLong();
            }
            if (text.hasWord()) {
                throw new ParseException("row '" + text.currentLine() + "' has more counts than the " + width + " CPU columns");
            }
            present[type] = true;
        }
    }

    /** The CPU of each column. */
    CpuIds columns() {
        return columns;
    }

    /** True if the file had a row for the type at {@code type} of {@link #TYPES}. */
    boolean hasType(int type) {
        return present[type];
    }

    /** The count of type {@code type} in the column at {@code index}. */
    long count(int index, int type) {
        return counts[index * TYPES.length + type];
    }
}
