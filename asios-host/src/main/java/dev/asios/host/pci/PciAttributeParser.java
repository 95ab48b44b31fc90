package dev.asios.host.pci;

import dev.asios.host.parse.ParseException;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * Parses the small text attributes of a PCI function in sysfs: identifiers, class code and PCI
 * Express link speed and width. Pure functions; bad input throws {@link ParseException} quoting
 * the text, never another exception.
 */
public final class PciAttributeParser {

    private static final int MAX_HEX_DIGITS = 8;

    private PciAttributeParser() {
    }

    // Format: "0x10de" (vendor, device, subsystem ids: 16 bits) or "0x030200" (class code: 24 bits)
    /**
     * Parses a hexadecimal identifier of at most {@code bits} bits, with or without {@code 0x}.
     *
     * @throws ParseException if the text is not hex or does not fit
     */
    public static int parseHexId(String text, int bits) {
        String digits = text.strip();
        if (digits.startsWith("0x") || digits.startsWith("0X")) {
            digits = digits.substring(2);
        }
        long value = hexValue(digits);
        if (value < 0 || value >= 1L << bits) {
            throw new ParseException("'" + abbreviate(text) + "' is not a " + bits + "-bit hex number like 0x10de");
        }
        return (int) value;
    }

    // Format: "16.0 GT/s PCIe" (Linux 5.x+), "8 GT/s" (older), "Unknown", "33 MHz PCI" (conventional PCI)
    /**
     * Parses a link speed in gigatransfers per second; empty when the kernel does not know it or
     * the bus is conventional PCI, which has no GT/s rate.
     *
     * @throws ParseException if the text is none of these forms
     */
    public static OptionalDouble parseLinkSpeedGtPerSec(String text) {
        String trimmed = text.strip();
        if (trimmed.startsWith("Unknown") || trimmed.contains(" MHz")) {
            return OptionalDouble.empty();
        }
        int unit = trimmed.indexOf(" GT/s");
        String number = unit < 0 ? "" : trimmed.substring(0, unit);
        if (!isDecimal(number)) {
            throw new ParseException("'" + abbreviate(text) + "' is not a link speed like '16.0 GT/s PCIe'");
        }
        return OptionalDouble.of(Double.parseDouble(number));
    }

    // Format: "16" (lanes; some tools write "x16"); "0" when the link is down
    /**
     * Parses a link width in lanes; empty for 0 (link down or not reported).
     *
     * @throws ParseException if the text is not a lane count from 0 to 32
     */
    public static OptionalInt parseLinkWidthLanes(String text) {
        String trimmed = text.strip();
        String digits = trimmed.startsWith("x") ? trimmed.substring(1) : trimmed;
        if (digits.isEmpty() || digits.length() > 2 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new ParseException("'" + abbreviate(text) + "' is not a link width in lanes");
        }
        int lanes = Integer.parseInt(digits);
        if (lanes > 32) {
            throw new ParseException("link width " + lanes + " is more than the 32 lanes PCI Express allows");
        }
        return lanes == 0 ? OptionalInt.empty() : OptionalInt.of(lanes);
    }

    /** The value of 1 to 8 hex digits without prefix, or -1 if the text is not that. */
    static long hexValue(String digits) {
        if (digits.isEmpty() || digits.length() > MAX_HEX_DIGITS) {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
            if (digit < 0) {
                return -1;
            }
            value = value * 16 + digit;
        }
        return value;
    }

    static String abbreviate(String text) {
        String oneLine = text.strip().replace('\n', ' ');
        return oneLine.length() <= 60 ? oneLine : oneLine.substring(0, 57) + "...";
    }

    /** True for 1 to 4 decimal digits, optionally followed by a dot and 1 to 4 more. */
    static boolean isDecimal(String number) {
        int dot = number.indexOf('.');
        String whole = dot < 0 ? number : number.substring(0, dot);
        String fraction = dot < 0 ? "0" : number.substring(dot + 1);
        return !whole.isEmpty() && whole.length() <= 4 && !fraction.isEmpty() && fraction.length() <= 4
                && (whole + fraction).chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
