package dev.asios.observe.memory;

import dev.asios.host.parse.ByteText;
import dev.asios.host.parse.ParseException;
import dev.asios.observe.kerneltext.TextSample;
import java.util.Arrays;

/**
 * The values of chosen keys in a key-value kernel file: {@code /proc/meminfo},
 * {@code /proc/vmstat}, and a NUMA node's {@code meminfo} and {@code numastat}. A value with the
 * unit {@code kB} is given in bytes; others as written (page and event counts). Lines of other
 * keys are skipped; a key that is not in the file is absent ({@link #has}), never 0. It reads
 * what asios-host's {@code MeminfoParser} reads, without a map per reading. Not thread-safe.
 */
final class KernelFields implements TextSample {

    private static final long KIB = 1024;

    private final int prefixWords;
    private final String[] keys;
    private final long[] values;
    private final boolean[] found;

    /**
     * Fields of {@code keys}, written as in the file ({@code MemTotal:}, {@code pgfault}).
     *
     * @param prefixWords words before the key on every line: 2 for a node's meminfo
     *     ({@code Node 0 MemTotal: ...}), else 0
     */
    KernelFields(int prefixWords, String... keys) {
        this.prefixWords = prefixWords;
        this.keys = keys.clone();
        this.values = new long[keys.length];
        this.found = new boolean[keys.length];
    }

    // Format: "MemTotal:       24684092 kB" or "pgfault 332559928" or "Node 0 MemTotal:       12019924 kB"
    /**
     * Reads the values of the keys.
     *
     * @throws ParseException if a key's value is not an integer, has a unit other than {@code kB},
     *     or in bytes does not fit a {@code long}
     */
    @Override
    public void parse(ByteText text) {
        Arrays.fill(found, false);
        while (text.nextLine()) {
            int key = skipPrefix(text) ? text.nextWordIndex(keys) : -1;
            if (key >= 0) {
                values[key] = readValue(text);
                found[key] = true;
            }
        }
    }

    private boolean skipPrefix(ByteText text) {
        for (int i = 0; i < prefixWords; i++) {
            if (!text.skipWord()) {
                return false;
            }
        }
        return true;
    }

    private static long readValue(ByteText text) {
        long value = text.nextLong();
        if (!text.hasWord()) {
            return value;
        }
        if (!text.wordEquals("kB") || text.hasWord()) {
            throw new ParseException("expected 'KEY NUMBER [kB]' in line '" + text.currentLine() + "'");
        }
        if (value < 0 || value > Long.MAX_VALUE / KIB) {
            throw new ParseException("kB value out of range in line '" + text.currentLine() + "'");
        }
        return value * KIB;
    }

    /** True if the key at {@code index} (of the constructor's keys) was in the last text. */
    boolean has(int index) {
        return found[index];
    }

    /** The value of the key at {@code index}, in bytes for a kB value; meaningful only if {@link #has}. */
    long value(int index) {
        return values[index];
    }
}
