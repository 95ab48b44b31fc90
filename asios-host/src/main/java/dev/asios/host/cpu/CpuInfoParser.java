package dev.asios.host.cpu;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses {@code /proc/cpuinfo} on any architecture. Pure; never throws on odd input: lines
 * without a colon and lines that do not start with a letter are skipped, as the kernel's own
 * consumers do.
 */
public final class CpuInfoParser {

    private CpuInfoParser() {
    }

    // Format: "key<tabs/spaces>: value" lines; blocks start at "processor : N", blank lines end them
    /** Parses the text of {@code /proc/cpuinfo}. */
    public static CpuInfo parse(String text) {
        Map<String, String> global = new LinkedHashMap<>();
        List<Map<String, String>> processors = new ArrayList<>();
        Map<String, String> current = null;
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                current = null;
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0 || !Character.isLetter(line.charAt(0))) {
                continue;
            }
            String key = line.substring(0, colon).strip();
            String value = line.substring(colon + 1).strip();
            if (key.equals("processor") && isNumber(value)) {
                current = new LinkedHashMap<>();
                current.put(key, value);
                processors.add(current);
            } else if (current != null) {
                current.putIfAbsent(key, value);
            } else {
                global.putIfAbsent(key, value);
            }
        }
        return new CpuInfo(global, processors);
    }

    private static boolean isNumber(String value) {
        return !value.isEmpty() && value.chars().allMatch(Character::isDigit);
    }
}
