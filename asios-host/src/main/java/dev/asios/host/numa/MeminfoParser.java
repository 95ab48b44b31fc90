package dev.asios.host.numa;

import dev.asios.host.parse.ParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parses {@code /proc/meminfo} and {@code /sys/devices/system/node/nodeN/meminfo}. Pure.
 */
public final class MeminfoParser {

    private MeminfoParser() {
    }

    // Format: "MemTotal:       16314376 kB" or "Node 0 MemTotal:  8046264 kB" or "HugePages_Total:  0"
    /**
     * Returns each field in bytes when it has a {@code kB} unit, as the plain number otherwise
     * (page counts). Lines that are not {@code key: number [kB]} are skipped.
     *
     * @throws ParseException if the text holds no field at all (an empty or garbled file)
     */
    public static Map<String, Long> parse(String text) {
        Map<String, Long> fields = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String key = stripNodePrefix(line.substring(0, colon).strip());
            String[] value = line.substring(colon + 1).strip().split("\\s+");
            if (key.isEmpty() || value.length == 0 || value.length > 2 || !isNumber(value[0])) {
                continue;
            }
            long number = Long.parseLong(value[0]);
            boolean kib = value.length == 2 && value[1].equalsIgnoreCase("kB");
            fields.put(key, kib ? number * 1024 : number);
        }
        if (fields.isEmpty()) {
            throw new ParseException("no 'Key: value' line found; expected a meminfo file");
        }
        return fields;
    }

    private static String stripNodePrefix(String key) {
        if (key.startsWith("Node ")) {
            int space = key.indexOf(' ', 5);
            return space < 0 ? key : key.substring(space + 1).strip();
        }
        return key;
    }

    private static boolean isNumber(String s) {
        // At most 15 digits: a kB value times 1024 still fits in a long (no host has petabytes per line).
        return !s.isEmpty() && s.length() <= 15 && s.chars().allMatch(Character::isDigit);
    }
}
