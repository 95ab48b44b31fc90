package dev.asios.observe.cpu;

import dev.asios.host.parse.ByteText;
import dev.asios.host.parse.ParseException;
import dev.asios.observe.kerneltext.TextSample;
import java.util.Arrays;

/**
 * One reading of {@code /proc/interrupts} summed per CPU column: every row that has a count for
 * each CPU (numbered device interrupts and the architecture's rows such as {@code LOC} and
 * {@code RES}) adds to its CPUs. Rows with a single machine-wide count ({@code ERR},
 * {@code MIS}) belong to no CPU and are left out, unless there is only one CPU column and they
 * cannot be told apart. Not thread-safe.
 */
final class InterruptCounts implements TextSample {

    private final CpuIds columns = new CpuIds();
    private long[] sums = new long[16];
    private long[] row = new long[16];

    // Format: "           CPU0       CPU1\n 24:   1   0  IO-APIC   5-edge   ACPI:Ged\nNMI:   0   0   Non-maskable interrupts\nERR:   0"
    /**
     * Reads the header and sums the rows.
     *
     * @throws ParseException if the header is not {@code CPU0 CPU1 ...}, a row has a number of
     *     counts other than one or the number of columns, a count is negative, or a sum overflows
     */
    @Override
    public void parse(ByteText text) {
        columns.readHeader(text);
        int width = columns.count();
        if (sums.length < width) {
            sums = new long[width];
            row = new long[width];
        }
        Arrays.fill(sums, 0, width, 0);
        while (text.nextLine()) {
            if (!text.hasWord()) {
                continue;
            }
            text.skipWord();
            int counts = 0;
            while (counts < width && text.hasLong()) {
                row[counts++] = text.nextLong();
            }
            if (counts == width) {
                add(text);
            } else if (counts != 1) {
                throw new ParseException("row '" + text.currentLine() + "' has " + counts + " counts for " + width + " CPU columns");
            }
        }
    }

    private void add(ByteText text) {
        for (int column = 0; column < columns.count(); column++) {
            if (row[column] < 0 || sums[column] > Long.MAX_VALUE - row[column]) {
                throw new ParseException("count " + row[column] + " is negative or overflows the sum in row '" + text.currentLine() + "'");
            }
            sums[column] += row[column];
        }
    }

    /** The CPU of each column. */
    CpuIds columns() {
        return columns;
    }

    /** The sum of the column at {@code index}. */
    long sum(int index) {
        return sums[index];
    }
}
