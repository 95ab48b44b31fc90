package dev.asios.observe.ebpf;

/**
 * Reads the numbers in bpftrace map keys as JSON prints them: {@code "1234"} for one key,
 * {@code "1234,7"} for a tuple (0.17 joins with a comma; newer releases print the tuple without
 * its parentheses and spaces, which is the same text). Pure.
 */
final class MapKeys {

    /** What a key that is not a number reads as. */
    static final long NOT_A_NUMBER = -1;

    private static final int MAX_DIGITS = 18;

    private MapKeys() {
    }

    /** The decimal number the key starts with, up to its first comma, or {@link #NOT_A_NUMBER}. */
    static long leadingLong(String key) {
        return field(key, 0);
    }

    /** The {@code index}-th comma-separated member of the key as a decimal number, or {@link #NOT_A_NUMBER}. */
    static long field(String key, int index) {
        int start = 0;
        for (int i = 0; i < index; i++) {
            start = key.indexOf(',', start) + 1;
            if (start == 0) {
                return NOT_A_NUMBER;
            }
        }
        int end = key.indexOf(',', start);
        end = end < 0 ? key.length() : end;
        if (end == start || end - start > MAX_DIGITS) {
            return NOT_A_NUMBER;
        }
        long value = 0;
        for (int i = start; i < end; i++) {
            char c = key.charAt(i);
            if (c < '0' || c > '9') {
                return NOT_A_NUMBER;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
