package dev.asios.observe.cpu;

import dev.asios.host.parse.ByteText;
import dev.asios.host.parse.CpuSet;
import dev.asios.host.parse.ParseException;
import java.util.Arrays;

/**
 * The CPU numbers of one reading, ascending, in a reusable array: the CPUs of {@code /proc/stat}
 * and {@code /proc/schedstat} lines, or the columns of {@code /proc/interrupts} and
 * {@code /proc/softirqs}. Not thread-safe.
 */
final class CpuIds {

    private int[] ids = new int[16];
    private int count;

    /** Forgets every CPU. */
    void clear() {
        count = 0;
    }

    /**
     * Appends a CPU read from {@code line} and returns its index.
     *
     * @throws ParseException if the number is above {@link CpuSet#MAX_CPU} or not above the
     *     previous one (the kernel lists CPUs once, ascending)
     */
    int add(long cpu, ByteText line) {
        if (cpu > CpuSet.MAX_CPU || count > 0 && cpu <= ids[count - 1]) {
            throw new ParseException("CPU " + cpu + " is out of range or not in ascending order in line '" + line.currentLine() + "'");
        }
        if (count == ids.length) {
            ids = Arrays.copyOf(ids, count * 2);
        }
        ids[count] = (int) cpu;
        return count++;
    }

    // Format: "           CPU0       CPU1       " : the header of /proc/interrupts and /proc/softirqs
    /**
     * Reads the header line of a per-CPU table, the first line of {@code text}: one column per CPU.
     *
     * @throws ParseException if there is no header, a word is not {@code CPUn}, or it names no CPU
     */
    void readHeader(ByteText text) {
        clear();
        if (!text.nextLine()) {
            throw new ParseException("empty file: expected a header 'CPU0 CPU1 ...'");
        }
        while (text.hasWord()) {
            add(text.nextLongAfterPrefix("CPU"), text);
        }
        if (count == 0) {
            throw new ParseException("the header names no CPU; expected 'CPU0 CPU1 ...'");
        }
    }

    /** The number of CPUs. */
    int count() {
        return count;
    }

    /** The CPU at {@code index} (0 to count - 1). */
    int cpu(int index) {
        return ids[index];
    }

    /** True if {@code cpu} is one of them. */
    boolean contains(int cpu) {
        return Arrays.binarySearch(ids, 0, count, cpu) >= 0;
    }

    /** True if both hold the same CPUs. */
    boolean sameAs(CpuIds other) {
        return Arrays.equals(ids, 0, count, other.ids, 0, other.count);
    }

    /** Becomes a copy of {@code other}. */
    void copyFrom(CpuIds other) {
        if (ids.length < other.count) {
            ids = new int[other.ids.length];
        }
        System.arraycopy(other.ids, 0, ids, 0, other.count);
        count = other.count;
    }
}
