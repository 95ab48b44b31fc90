package dev.asios.observe.gpu;

import dev.asios.host.parse.ParseException;
import dev.asios.host.pci.PciAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The pure parser of {@code nvidia-smi --query-gpu=<}{@link #FIELDS}{@code >
 * --format=csv,noheader,nounits}. Throws {@link ParseException}, quoting the bad line, and nothing
 * else. Thread-safe.
 */
final class SmiQueryParser {

    /** The fields asked for, in the order the parser reads them. */
    static final List<String> FIELDS = List.of("index", "uuid", "name", "utilization.gpu", "utilization.memory", "memory.used",
            "memory.total", "power.draw", "clocks.sm", "clocks.mem", "temperature.gpu", "clocks_throttle_reasons.active",
            "ecc.errors.corrected.volatile.total", "ecc.errors.uncorrected.volatile.total", "pci.bus_id");

    private static final Pattern INDEX = Pattern.compile("\\d{1,4}");
    private static final Pattern WHOLE = Pattern.compile("\\d{1,12}");
    private static final Pattern COUNT = Pattern.compile("\\d{1,18}");
    private static final Pattern DECIMAL = Pattern.compile("\\d{1,12}(\\.\\d{1,6})?");
    private static final Pattern MASK = Pattern.compile("0x[0-9a-fA-F]{1,16}");
    private static final long BYTES_PER_MIB = 1L << 20;
    private static final long HERTZ_PER_MEGAHERTZ = 1_000_000L;

    private SmiQueryParser() {
    }

    // Format: one line per GPU, fields as FIELDS, separated by ", ", no units, for example
    // "0, GPU-6d0f5b46-..., NVIDIA H100 80GB HBM3, 45, 30, 20480, 81559, 350.12, 1980, 2619, 61, 0x0000000000000004, 0, [N/A]"
    /**
     * One row per GPU, in the order printed. Blank lines are skipped; a name with commas in it
     * (more fields than asked for) is joined again.
     *
     * @throws ParseException if a line has fewer fields than asked for, a field is not a number of
     *     its kind (a percentage over 100, a negative or oversized value), or an index or UUID repeats
     */
    static List<SmiGpuRow> parse(String text) {
        List<SmiGpuRow> rows = new ArrayList<>();
        Set<Integer> indexes = new HashSet<>();
        Set<String> uuids = new HashSet<>();
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            SmiGpuRow row = row(line);
            if (!indexes.add(row.index()) || !uuids.add(row.uuid())) {
                throw new ParseException("GPU " + row.index() + " or " + row.uuid() + " appears twice in '" + abbreviate(text) + "'");
            }
            rows.add(row);
        }
        return List.copyOf(rows);
    }

    private static SmiGpuRow row(String line) {
        String[] fields = line.split(",", -1);
        int extra = fields.length - FIELDS.size();
        if (extra < 0) {
            throw new ParseException("'" + abbreviate(line) + "' has " + fields.length + " fields, not the " + FIELDS.size() + " asked for: "
                    + String.join(",", FIELDS));
        }
        String[] f = new String[FIELDS.size()];
        for (int i = 0, from = 0; i < f.length; i++) {
            int width = i == 2 ? extra + 1 : 1;
            f[i] = String.join(",", Arrays.copyOfRange(fields, from, from + width)).strip();
            from += width;
        }
        if (!INDEX.matcher(f[0]).matches() || f[1].isEmpty() || f[1].contains(" ")) {
            throw new ParseException("'" + abbreviate(line) + "' does not start with a GPU index and UUID");
        }
        return new SmiGpuRow(Integer.parseInt(f[0]), f[1], f[2],
                percent(f[3], line), percent(f[4], line),
                scaled(f[5], BYTES_PER_MIB, line), scaled(f[6], BYTES_PER_MIB, line),
                decimal(f[7], line),
                scaled(f[8], HERTZ_PER_MEGAHERTZ, line), scaled(f[9], HERTZ_PER_MEGAHERTZ, line),
                decimal(f[10], line),
                mask(f[11], line), count(f[12], line), count(f[13], line), pci(f[14], line));
    }

    // Format: "00000000:3B:00.0", a domain of 8 hex digits
    private static String pci(String field, String line) {
        if (absent(field)) {
            return "";
        }
        try {
            return PciAddress.parse(field).toString();
        } catch (ParseException e) {
            throw new ParseException("'" + field + "' is not a PCI bus id like 00000000:3B:00.0 in '" + abbreviate(line) + "'");
        }
    }

    /** Whether nvidia-smi printed a remark instead of a value: {@code [N/A]}, {@code [Not Supported]}, {@code N/A}. */
    private static boolean absent(String field) {
        return field.equals("N/A") || field.startsWith("[") && field.endsWith("]");
    }

    private static OptionalDouble percent(String field, String line) {
        OptionalDouble value = decimal(field, line);
        if (value.isPresent() && value.getAsDouble() > 100) {
            throw new ParseException("'" + field + "' is over 100 % in '" + abbreviate(line) + "'");
        }
        return value.isPresent() ? OptionalDouble.of(value.getAsDouble() / 100) : value;
    }

    private static OptionalDouble decimal(String field, String line) {
        return absent(field) ? OptionalDouble.empty() : OptionalDouble.of(Double.parseDouble(checked(field, DECIMAL, "a decimal number", line)));
    }

    private static OptionalLong scaled(String field, long unit, String line) {
        return absent(field) ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(checked(field, WHOLE, "a whole number", line)) * unit);
    }

    private static OptionalLong count(String field, String line) {
        return absent(field) ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(checked(field, COUNT, "a count", line)));
    }

    private static OptionalLong mask(String field, String line) {
        return absent(field) ? OptionalLong.empty()
                : OptionalLong.of(Long.parseUnsignedLong(checked(field, MASK, "a hexadecimal mask like 0x0000000000000004", line).substring(2), 16));
    }

    private static String checked(String field, Pattern pattern, String expected, String line) {
        if (!pattern.matcher(field).matches()) {
            throw new ParseException("'" + abbreviate(field) + "' is not " + expected + " in '" + abbreviate(line) + "'");
        }
        return field;
    }

    private static String abbreviate(String text) {
        String oneLine = text.strip().replace('\n', ' ');
        return oneLine.length() <= 120 ? oneLine : oneLine.substring(0, 117) + "...";
    }
}
