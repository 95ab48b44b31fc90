package dev.asios.host.kernel;

import dev.asios.host.parse.ParseException;
import java.util.ArrayList;
import java.util.List;

/** Parses {@code /proc/swaps}. Pure; throws only {@link ParseException}. */
public final class SwapsParser {

    private SwapsParser() {
    }

    // Format: "Filename\t\t\t\tType\t\tSize\t\tUsed\t\tPriority\n/dev/sda2  partition\t8388604\t0\t-2" (sizes in kB)
    /**
     * Parses the header and one line per swap area; a header alone means no swap.
     *
     * @throws ParseException if the header is missing or a line does not have five fields with
     *     numeric size, used and priority
     */
    public static List<SwapDevice> parse(String text) {
        String[] lines = text.split("\n", -1);
        if (!lines[0].strip().startsWith("Filename")) {
            throw new ParseException("expected the header 'Filename Type Size Used Priority', found '" + KernelText.abbreviate(lines[0]) + "'");
        }
        List<SwapDevice> devices = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] fields = line.split("\\s+");
            if (fields.length != 5) {
                throw new ParseException("swap line '" + KernelText.abbreviate(line) + "' does not have 5 fields");
            }
            long sizeBytes = KernelText.parseKibAsBytes(fields[2], "swap size");
            long usedBytes = KernelText.parseKibAsBytes(fields[3], "swap used");
            int priority = KernelText.parseInt(fields[4], "swap priority");
            devices.add(new SwapDevice(MountTableParser.unescape(fields[0]), fields[1], sizeBytes, usedBytes, priority));
        }
        return devices;
    }
}
