package dev.asios.host.kernel;

import dev.asios.host.parse.ParseException;

/**
 * The {@code RLIMIT_MEMLOCK} of the reading process ({@code Max locked memory} in
 * {@code /proc/self/limits}): how much memory it may pin, which RDMA registration, {@code mlock}
 * and GPU pinned buffers need. Immutable.
 *
 * @param softBytes the limit in force, {@link #UNLIMITED} for none
 * @param hardBytes the ceiling the soft limit can be raised to, {@link #UNLIMITED} for none
 */
public record LockedMemoryLimit(long softBytes, long hardBytes) {

    /** The value of a limit written {@code unlimited}. */
    public static final long UNLIMITED = Long.MAX_VALUE;

    private static final String ROW = "Max locked memory";

    /** True if the soft limit is {@code unlimited}. */
    public boolean softUnlimited() {
        return softBytes == UNLIMITED;
    }

    // Format: "Limit                     Soft Limit           Hard Limit           Units\nMax locked memory  8388608  8388608  bytes"
    /**
     * Finds the {@code Max locked memory} row of a limits file.
     *
     * @throws ParseException if there is no such row, or its soft and hard values are neither
     *     {@code unlimited} nor non-negative integers
     */
    public static LockedMemoryLimit parse(String text) {
        for (String line : text.split("\n")) {
            String stripped = line.strip();
            if (stripped.startsWith(ROW)) {
                String[] fields = stripped.substring(ROW.length()).strip().split("\\s+");
                if (fields.length < 2) {
                    throw new ParseException("row '" + KernelText.abbreviate(line) + "' lacks soft and hard values");
                }
                return new LockedMemoryLimit(value(fields[0]), value(fields[1]));
            }
        }
        throw new ParseException("no '" + ROW + "' row in '" + KernelText.abbreviate(text) + "'");
    }

    private static long value(String field) {
        if (field.equals("unlimited")) {
            return UNLIMITED;
        }
        long value = KernelText.parseLong(field, "locked memory limit");
        if (value < 0) {
            throw new ParseException("locked memory limit '" + field + "' is negative");
        }
        return value;
    }
}
