package dev.asios.host.kernel;

import dev.asios.host.parse.ParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Parses {@code /proc/interrupts}. Pure; throws only {@link ParseException}.
 *
 * <p>The handler names of a numbered IRQ are found as the kernel prints them: after the controller
 * and trigger columns, separated from them by at least two spaces, joined by {@code ", "}. A row
 * whose last column starts with a digit or is {@code Level}/{@code Edge} has no handler shown.
 */
public final class InterruptsParser {

    private static final Set<String> TRIGGER_WORDS = Set.of("Level", "Edge");

    private InterruptsParser() {
    }

    // Format: "           CPU0       CPU1\n 24:   1   0  IO-APIC   5-edge      ACPI:Ged\nNMI:   0   0   Non-maskable interrupts\nERR:   0"
    /**
     * Parses the header and the rows.
     *
     * @throws ParseException if the header names no CPU column, or a row lacks {@code ID:}, has no
     *     count, or has a number of counts other than one or the number of columns
     */
    public static Interrupts parse(String text) {
        String[] lines = text.split("\n", -1);
        List<Integer> cpus = header(lines[0]);
        List<InterruptLine> rows = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                rows.add(row(lines[i], cpus.size()));
            }
        }
        return new Interrupts(cpus, rows);
    }

    private static List<Integer> header(String line) {
        List<Integer> cpus = new ArrayList<>();
        for (String word : line.strip().split("\\s+")) {
            if (!word.startsWith("CPU") || !KernelText.isDigits(word.substring(3))) {
                throw new ParseException("header '" + KernelText.abbreviate(line) + "' is not 'CPU0 CPU1 ...'");
            }
            cpus.add(KernelText.parseInt(word.substring(3), "CPU column"));
        }
        return cpus;
    }

    private static InterruptLine row(String line, int columns) {
        int colon = line.indexOf(':');
        String id = colon < 0 ? "" : line.substring(0, colon).strip();
        if (id.isEmpty() || id.chars().anyMatch(Character::isWhitespace)) {
            throw new ParseException("row '" + KernelText.abbreviate(line) + "' does not start with 'ID:'");
        }
        List<Long> counts = new ArrayList<>();
        int position = colon + 1;
        while (counts.size() < columns) {
            int start = skipSpace(line, position);
            int end = wordEnd(line, start);
            if (start == end || !KernelText.isDigits(line.substring(start, end))) {
                break;
            }
            counts.add(KernelText.parseLong(line.substring(start, end), "interrupt count"));
            position = end;
        }
        if (counts.size() != columns && counts.size() != 1) {
            throw new ParseException("row '" + KernelText.abbreviate(line) + "' has " + counts.size() + " counts for " + columns + " CPU columns");
        }
        String rest = line.substring(position).strip();
        String description = rest.replaceAll("\\s+", " ");
        if (!KernelText.isDigits(id)) {
            return new InterruptLine(id, counts, Optional.empty(), List.of(), description);
        }
        Optional<String> chip = rest.isEmpty() ? Optional.empty() : Optional.of(rest.substring(0, wordEnd(rest, 0)));
        return new InterruptLine(id, counts, chip, actions(rest), description);
    }

    private static List<String> actions(String rest) {
        int gap = -1;
        for (int i = rest.length() - 2; i >= 0; i--) {
            if (Character.isWhitespace(rest.charAt(i)) && Character.isWhitespace(rest.charAt(i + 1))) {
                gap = i + 2;
                break;
            }
        }
        if (gap < 0) {
            return List.of();
        }
        String tail = rest.substring(gap).strip();
        String firstWord = tail.substring(0, wordEnd(tail, 0));
        if (tail.isEmpty() || Character.isDigit(tail.charAt(0)) || TRIGGER_WORDS.contains(firstWord)) {
            return List.of();
        }
        return Arrays.stream(tail.split(",")).map(String::strip).filter(a -> !a.isEmpty()).toList();
    }

    private static int skipSpace(String text, int start) {
        int i = start;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int wordEnd(String text, int start) {
        int i = start;
        while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }
}
