package dev.asios.host.parse;

import java.util.BitSet;
import java.util.stream.IntStream;

/**
 * An immutable set of CPU (or NUMA node) numbers, as the kernel writes them in two formats:
 * lists ({@code 0-3,8,10-11}, in {@code cpulist} and {@code online} files) and masks
 * ({@code 00000000,0000ff0f}, comma-separated 32-bit hex words, most significant first, in
 * {@code cpumap} and {@code shared_cpu_map} files).
 *
 * <p>The parsers are pure functions that throw {@link ParseException} with the offending text on
 * bad input. Thread-safe (immutable).
 */
public final class CpuSet {

    /** The largest CPU number accepted; the kernel's NR_CPUS is at most 8192 on common builds. */
    public static final int MAX_CPU = 1 << 16;

    private static final CpuSet EMPTY = new CpuSet(new BitSet());

    private final BitSet bits;

    private CpuSet(BitSet bits) {
        this.bits = bits;
    }

    /** The empty set. */
    public static CpuSet empty() {
        return EMPTY;
    }

    /** A set of the given numbers. */
    public static CpuSet of(int... cpus) {
        BitSet bits = new BitSet();
        for (int cpu : cpus) {
            checkRange(cpu, String.valueOf(cpu));
            bits.set(cpu);
        }
        return new CpuSet(bits);
    }

    /** A set of the numbers in a stream. */
    public static CpuSet of(IntStream cpus) {
        return of(cpus.toArray());
    }

    // Format: "0-3,8,10-11" (may be empty, may end in a newline)
    /** Parses a list such as {@code 0-3,8,10-11}; the empty string is the empty set. */
    public static CpuSet parseList(String text) {
        String trimmed = text.strip();
        BitSet bits = new BitSet();
        if (trimmed.isEmpty()) {
            return EMPTY;
        }
        for (String item : trimmed.split(",", -1)) {
            String range = item.strip();
            int dash = range.indexOf('-');
            int from;
            int to;
            if (dash < 0) {
                from = parseIndex(range, text);
                to = from;
            } else {
                from = parseIndex(range.substring(0, dash), text);
                int colon = range.indexOf(':', dash);
                to = parseIndex(colon < 0 ? range.substring(dash + 1) : range.substring(dash + 1, colon), text);
                if (colon >= 0) {
                    // Format "0-7:2/4": the kernel's stride syntax, used on boot command lines.
                    addStrided(bits, from, to, range.substring(colon + 1), text);
                    continue;
                }
            }
            if (to < from) {
                throw new ParseException("CPU range " + range + " runs backwards in '" + abbreviate(text) + "'");
            }
            bits.set(from, to + 1);
        }
        return new CpuSet(bits);
    }

    // Format: "ffffffff,00000000,0000000f": 32-bit hex words, most significant first
    /** Parses a hex mask such as {@code 00000000,0000ff0f}; all zeros is the empty set. */
    public static CpuSet parseMask(String text) {
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            throw new ParseException("empty CPU mask");
        }
        String[] words = trimmed.split(",", -1);
        BitSet bits = new BitSet();
        int base = 0;
        for (int i = words.length - 1; i >= 0; i--) {
            String word = words[i].strip();
            if (word.startsWith("0x") || word.startsWith("0X")) {
                word = word.substring(2);
            }
            if (word.isEmpty() || word.length() > 8) {
                throw new ParseException("CPU mask word '" + word + "' is not 1 to 8 hex digits in '" + abbreviate(text) + "'");
            }
            long value;
            try {
                value = Long.parseLong(word, 16);
            } catch (NumberFormatException e) {
                throw new ParseException("CPU mask word '" + word + "' is not hex in '" + abbreviate(text) + "'");
            }
            for (int bit = 0; bit < 32; bit++) {
                if ((value & (1L << bit)) != 0) {
                    checkRange(base + bit, text);
                    bits.set(base + bit);
                }
            }
            base += 32;
        }
        return new CpuSet(bits);
    }

    /** True if {@code cpu} is in the set. */
    public boolean contains(int cpu) {
        return cpu >= 0 && bits.get(cpu);
    }

    /** Number of members. */
    public int size() {
        return bits.cardinality();
    }

    /** True if there are no members. */
    public boolean isEmpty() {
        return bits.isEmpty();
    }

    /** The smallest member, or -1 for the empty set. */
    public int first() {
        return bits.nextSetBit(0);
    }

    /** Members in ascending order. */
    public IntStream stream() {
        return bits.stream();
    }

    /** Members in ascending order, as an array. */
    public int[] toArray() {
        return bits.stream().toArray();
    }

    /** The members of both sets. */
    public CpuSet and(CpuSet other) {
        BitSet copy = (BitSet) bits.clone();
        copy.and(other.bits);
        return new CpuSet(copy);
    }

    /** The members of either set. */
    public CpuSet or(CpuSet other) {
        BitSet copy = (BitSet) bits.clone();
        copy.or(other.bits);
        return new CpuSet(copy);
    }

    /** The members of this set that are not in {@code other}. */
    public CpuSet andNot(CpuSet other) {
        BitSet copy = (BitSet) bits.clone();
        copy.andNot(other.bits);
        return new CpuSet(copy);
    }

    /** True if the sets share a member. */
    public boolean intersects(CpuSet other) {
        return bits.intersects(other.bits);
    }

    /** True if every member of {@code other} is in this set. */
    public boolean containsAll(CpuSet other) {
        BitSet copy = (BitSet) other.bits.clone();
        copy.andNot(bits);
        return copy.isEmpty();
    }

    /** The kernel's list format, for example {@code 0-3,8,10-11}; the empty set is {@code ""}. */
    public String toList() {
        StringBuilder out = new StringBuilder();
        int start = bits.nextSetBit(0);
        while (start >= 0) {
            int end = bits.nextClearBit(start) - 1;
            if (!out.isEmpty()) {
                out.append(',');
            }
            out.append(start);
            if (end > start) {
                out.append('-').append(end);
            }
            start = bits.nextSetBit(end + 1);
        }
        return out.toString();
    }

    /** The kernel's mask format with 32-bit words, for example {@code 00000000,0000ff0f} for 64 bits. */
    public String toMask(int cpuCount) {
        int words = Math.max(1, (Math.max(cpuCount, bits.length()) + 31) / 32);
        StringBuilder out = new StringBuilder();
        for (int w = words - 1; w >= 0; w--) {
            long word = 0;
            for (int bit = 0; bit < 32; bit++) {
                if (bits.get(w * 32 + bit)) {
                    word |= 1L << bit;
                }
            }
            out.append(String.format("%08x", word));
            if (w > 0) {
                out.append(',');
            }
        }
        return out.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CpuSet other && bits.equals(other.bits);
    }

    @Override
    public int hashCode() {
        return bits.hashCode();
    }

    @Override
    public String toString() {
        return toList();
    }

    private static void addStrided(BitSet bits, int from, int to, String spec, String text) {
        int slash = spec.indexOf('/');
        if (slash < 0) {
            throw new ParseException("stride '" + spec + "' must look like used/group in '" + abbreviate(text) + "'");
        }
        int used = parseIndex(spec.substring(0, slash), text);
        int group = parseIndex(spec.substring(slash + 1), text);
        if (group == 0 || used > group) {
            throw new ParseException("stride '" + spec + "' needs 0 < used <= group in '" + abbreviate(text) + "'");
        }
        for (int start = from; start <= to; start += group) {
            for (int cpu = start; cpu < start + used && cpu <= to; cpu++) {
                bits.set(cpu);
            }
        }
    }

    private static int parseIndex(String s, String text) {
        String t = s.strip();
        if (t.isEmpty() || t.length() > 6 || !t.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new ParseException("'" + t + "' is not a CPU number in '" + abbreviate(text) + "'");
        }
        int value = Integer.parseInt(t);
        checkRange(value, text);
        return value;
    }

    private static void checkRange(int cpu, String text) {
        if (cpu < 0 || cpu > MAX_CPU) {
            throw new ParseException("CPU number " + cpu + " is outside 0.." + MAX_CPU + " in '" + abbreviate(text) + "'");
        }
    }

    static String abbreviate(String text) {
        String oneLine = text.strip().replace('\n', ' ');
        return oneLine.length() <= 80 ? oneLine : oneLine.substring(0, 77) + "...";
    }
}
