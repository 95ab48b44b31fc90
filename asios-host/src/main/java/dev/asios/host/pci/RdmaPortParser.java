package dev.asios.host.pci;

import dev.asios.host.parse.ParseException;

/**
 * Parses the attributes of an RDMA port in sysfs. Pure functions; bad input throws
 * {@link ParseException} quoting the text, never another exception.
 */
public final class RdmaPortParser {

    private RdmaPortParser() {
    }

    // Format: "4: ACTIVE" (state) or "5: LinkUp" (phys_state): a code, a colon, a name
    /**
     * The name of a numbered state, for example {@code ACTIVE}.
     *
     * @throws ParseException if the text is not {@code CODE: NAME}
     */
    public static String parseState(String text) {
        String trimmed = text.strip();
        int colon = trimmed.indexOf(':');
        String code = colon < 0 ? "" : trimmed.substring(0, colon);
        String name = colon < 0 ? "" : trimmed.substring(colon + 1).strip();
        if (code.isEmpty() || code.length() > 3 || !code.chars().allMatch(c -> c >= '0' && c <= '9') || name.isEmpty()) {
            throw new ParseException("'" + PciAttributeParser.abbreviate(text) + "' is not a port state like '4: ACTIVE'");
        }
        return name;
    }

    // Format: "100 Gb/sec (4X EDR)" or "2.5 Gb/sec (1X SDR)"
    /**
     * The rate in Gb/s and the width and generation in parentheses (empty if none).
     *
     * @throws ParseException if the text is not a rate like {@code 100 Gb/sec (4X EDR)}
     */
    public static RdmaRate parseRate(String text) {
        String trimmed = text.strip();
        int unit = trimmed.indexOf(" Gb/sec");
        String number = unit < 0 ? "" : trimmed.substring(0, unit);
        String rest = unit < 0 ? "" : trimmed.substring(unit + " Gb/sec".length()).strip();
        boolean detailWellFormed = rest.isEmpty() || rest.length() > 2 && rest.startsWith("(") && rest.endsWith(")");
        if (!PciAttributeParser.isDecimal(number) || !detailWellFormed) {
            throw new ParseException("'" + PciAttributeParser.abbreviate(text) + "' is not a port rate like '100 Gb/sec (4X EDR)'");
        }
        String detail = rest.isEmpty() ? "" : rest.substring(1, rest.length() - 1).strip();
        return new RdmaRate(Double.parseDouble(number), detail);
    }
}
