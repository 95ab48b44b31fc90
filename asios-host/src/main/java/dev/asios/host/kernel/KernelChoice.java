package dev.asios.host.kernel;

import dev.asios.host.parse.ParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * A kernel setting that offers a fixed set of values and marks the active one in brackets, as
 * {@code /sys/kernel/mm/transparent_hugepage/enabled} does. Immutable.
 *
 * @param selected the active value (without brackets)
 * @param available every value offered, in file order, the active one included
 */
public record KernelChoice(String selected, List<String> available) {

    /** Creates an immutable copy. */
    public KernelChoice {
        available = List.copyOf(available);
    }

    // Format: "always [madvise] never" : the active value in brackets
    /**
     * Parses a bracketed choice.
     *
     * @throws ParseException if no value, or more than one, is in brackets, or a bracket is unclosed
     */
    public static KernelChoice parse(String text) {
        List<String> available = new ArrayList<>();
        String selected = null;
        for (String word : text.strip().split("\\s+")) {
            if (word.isEmpty()) {
                continue;
            }
            boolean bracketed = word.length() > 2 && word.startsWith("[") && word.endsWith("]");
            String value = bracketed ? word.substring(1, word.length() - 1) : word;
            if (value.indexOf('[') >= 0 || value.indexOf(']') >= 0) {
                throw new ParseException("stray bracket in '" + KernelText.abbreviate(text) + "'");
            }
            if (bracketed && selected != null) {
                throw new ParseException("more than one value in brackets in '" + KernelText.abbreviate(text) + "'");
            }
            if (bracketed) {
                selected = value;
            }
            available.add(value);
        }
        if (selected == null) {
            throw new ParseException("no value in brackets in '" + KernelText.abbreviate(text) + "'; expected 'a [b] c'");
        }
        return new KernelChoice(selected, available);
    }
}
