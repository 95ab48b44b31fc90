package dev.asios.host.cgroup;

import dev.asios.host.parse.ByteText;
import dev.asios.host.parse.ParseException;

/**
 * Parses the cgroup files that hold one number: usages ({@code memory.current},
 * {@code memory.usage_in_bytes}, {@code cpuacct.usage}) and memory limits ({@code memory.max},
 * {@code memory.limit_in_bytes}). Pure; allocates nothing unless it throws.
 */
public final class CgroupValueParser {

    /** What {@link #limit} gives for no limit. */
    public static final long UNLIMITED = -1;

    /**
     * The smallest v1 limit taken as "no limit". v1 prints its unset limit as the largest page
     * count times the page size: 9223372036854771712 with 4 KiB pages, less with larger pages; a
     * margin of 1 MiB covers every page size Linux has.
     */
    static final long V1_UNLIMITED_FROM = Long.MAX_VALUE - (1L << 20);

    private CgroupValueParser() {
    }

    // Format: "123456\n"
    /**
     * The one non-negative whole number of the file in {@code text}.
     *
     * @throws ParseException if the file is empty, or is not exactly one non-negative whole
     *     number (the message quotes it)
     */
    public static long count(ByteText text) {
        text.rewind();
        if (!text.nextLine() || !text.hasWord()) {
            throw new ParseException("expected a number, found an empty file");
        }
        long value = text.nextLong();
        if (value < 0 || text.hasWord() || text.nextLine() && text.hasWord()) {
            text.rewind();
            text.nextLine();
            throw new ParseException("expected one non-negative number, found '" + text.currentLine() + "'");
        }
        return value;
    }

    // Format: v2 memory.max "max\n" or "1073741824\n"; v1 memory.limit_in_bytes "9223372036854771712\n" when unset
    /**
     * A limit in bytes, or {@link #UNLIMITED} for v2's {@code max} and v1's largest values.
     *
     * @throws ParseException as {@link #count} does, for anything else than {@code max} or one number
     */
    public static long limit(ByteText text) {
        text.rewind();
        if (text.nextLine() && text.wordEquals("max") && !text.hasWord()) {
            return UNLIMITED;
        }
        long value = count(text);
        return value >= V1_UNLIMITED_FROM ? UNLIMITED : value;
    }
}
