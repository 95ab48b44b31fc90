package dev.asios.host.kernel;

import java.util.LinkedHashMap;
import java.util.Map;

/** Parses a process environment ({@code /proc/PID/environ}). Pure; accepts any text, so it never throws. */
public final class EnvironParser {

    private EnvironParser() {
    }

    // Format: "HOME=/root\0PATH=/usr/bin\0container=docker\0" : NUL-separated NAME=VALUE entries
    /**
     * The variables in file order; an entry without {@code =} or with an empty name is skipped, and
     * a repeated name keeps its first value (the one {@code getenv} finds).
     */
    public static Map<String, String> parse(String text) {
        Map<String, String> variables = new LinkedHashMap<>();
        for (String entry : text.split("\0")) {
            int equals = entry.indexOf('=');
            if (equals > 0) {
                variables.putIfAbsent(entry.substring(0, equals), entry.substring(equals + 1));
            }
        }
        return variables;
    }
}
