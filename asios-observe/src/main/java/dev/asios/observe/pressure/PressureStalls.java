package dev.asios.observe.pressure;

import dev.asios.host.parse.ByteText;
import dev.asios.host.parse.ParseException;
import dev.asios.observe.kerneltext.TextSample;

/**
 * One reading of a pressure-stall (PSI) file: the total time, in microseconds, in which some
 * tasks and in which all non-idle tasks ({@code full}) were stalled on the resource. The same
 * format serves {@code /proc/pressure/*} and a cgroup v2 group's {@code cpu.pressure},
 * {@code memory.pressure} and {@code io.pressure}. The averages are not read: rates over the
 * totals give them at any window. Not thread-safe.
 */
public final class PressureStalls implements TextSample {

    private long someMicros;
    private long fullMicros;
    private boolean hasFull;

    // Format: "some avg10=1.64 avg60=2.37 avg300=7.39 total=4638301925\nfull avg10=0.00 avg60=0.00 avg300=0.00 total=0"
    /**
     * Reads the {@code some} and, where the kernel prints it, the {@code full} line ({@code cpu}
     * has it from Linux 5.13).
     *
     * @throws ParseException if there is no {@code some} line, a line is neither {@code some} nor
     *     {@code full}, or a line has no {@code total=} integer
     */
    @Override
    public void parse(ByteText text) {
        boolean hasSome = false;
        hasFull = false;
        while (text.nextLine()) {
            if (text.lineStartsWith("some ")) {
                someMicros = text.longAfter("total=");
                hasSome = true;
            } else if (text.lineStartsWith("full ")) {
                fullMicros = text.longAfter("total=");
                hasFull = true;
            } else if (text.hasWord()) {
                throw new ParseException("line '" + text.currentLine() + "' is neither 'some ...' nor 'full ...'");
            }
        }
        if (!hasSome) {
            throw new ParseException("no 'some ... total=N' line; expected a pressure-stall file");
        }
    }

    /** Microseconds in which at least one task was stalled. */
    public long someMicros() {
        return someMicros;
    }

    /** True if the file has a {@code full} line. */
    public boolean hasFull() {
        return hasFull;
    }

    /** Microseconds in which all non-idle tasks were stalled at once; meaningful if {@link #hasFull()}. */
    public long fullMicros() {
        return fullMicros;
    }
}
