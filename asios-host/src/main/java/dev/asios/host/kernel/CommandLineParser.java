package dev.asios.host.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Splits a kernel command line into parameters exactly as the kernel's {@code next_arg()} does:
 * white space separates parameters except inside double quotes; a value that starts with a quote
 * loses its surrounding quotes; a parameter that starts with a quote ({@code "a=b c"}) is taken
 * whole, quotes removed; an unclosed quote runs to the end. A bare {@code --} ends the kernel's
 * parameters, and the rest goes to init. Pure; accepts any text, so it never throws.
 */
public final class CommandLineParser {

    private CommandLineParser() {
    }

    // Format: "BOOT_IMAGE=/vmlinuz root=UUID=1 ro quiet isolcpus=2-3 foo=\"a b\" -- init args"
    /** Parses the text of {@code /proc/cmdline}. */
    public static KernelCommandLine parse(String text) {
        List<KernelCommandLine.Parameter> parameters = new ArrayList<>();
        int position = skipSpace(text, 0);
        while (position < text.length()) {
            int end = wordEnd(text, position);
            String word = text.substring(position, end);
            position = skipSpace(text, end);
            if (word.equals("--")) {
                return new KernelCommandLine(parameters, initArguments(text.substring(position)));
            }
            KernelCommandLine.Parameter parameter = parameter(word);
            if (!parameter.name().isEmpty()) {
                parameters.add(parameter);
            }
        }
        return new KernelCommandLine(parameters, List.of());
    }

    private static KernelCommandLine.Parameter parameter(String word) {
        String body = unquote(word);
        int equals = body.indexOf('=');
        if (equals <= 0) {
            return new KernelCommandLine.Parameter(body, Optional.empty());
        }
        return new KernelCommandLine.Parameter(body.substring(0, equals), Optional.of(unquote(body.substring(equals + 1))));
    }

    private static String unquote(String text) {
        if (!text.startsWith("\"")) {
            return text;
        }
        return text.length() > 1 && text.endsWith("\"") ? text.substring(1, text.length() - 1) : text.substring(1);
    }

    private static int wordEnd(String text, int start) {
        boolean inQuote = false;
        int i = start;
        while (i < text.length() && (inQuote || !Character.isWhitespace(text.charAt(i)))) {
            if (text.charAt(i) == '"') {
                inQuote = !inQuote;
            }
            i++;
        }
        return i;
    }

    private static int skipSpace(String text, int start) {
        int i = start;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static List<String> initArguments(String rest) {
        String stripped = rest.strip();
        return stripped.isEmpty() ? List.of() : List.of(stripped.split("\\s+"));
    }
}
