package dev.asios.tune.imports;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads the values of tuned options as ASIOS values. Each method takes the expanded value and
 * throws {@link Unmapped}, with the reason, when the value still needs tuned (a variable or a
 * function) or is not what the ASIOS setting takes. Pure.
 */
final class TunedValues {

    private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,18}");
    private static final Pattern KERNEL_WORD = Pattern.compile("[A-Za-z0-9_+.-]{1,64}");
    private static final Set<String> TRUE = Set.of("1", "true", "yes", "y", "on");
    private static final Set<String> FALSE = Set.of("0", "false", "no", "n", "off");

    private TunedValues() {
    }

    /** {@code value} itself, once it needs nothing from tuned. */
    static String resolved(String value) {
        TunedVariables.unresolved(value).ifPresent(reason -> {
            throw new Unmapped(reason);
        });
        return value.strip();
    }

    /** An integer in {@code min..max}. */
    static long integer(String value, long min, long max) {
        String text = resolved(value);
        if (!INTEGER.matcher(text).matches()) {
            throw new Unmapped("'" + text + "' is not an integer");
        }
        long number = Long.parseLong(text);
        if (number < min || number > max) {
            throw new Unmapped(number + " is outside " + min + ".." + max + ", the range of the ASIOS setting");
        }
        return number;
    }

    /** A kernel switch: {@code 1} is true, {@code 0} false. */
    static boolean flag(String value) {
        return switch (resolved(value)) {
            case "1" -> true;
            case "0" -> false;
            default -> throw new Unmapped("'" + value.strip() + "' is neither 0 nor 1, the two values the ASIOS setting takes");
        };
    }

    /** True when tuned reads {@code value} as a true boolean ({@code 1}, {@code true}, {@code yes}, {@code on}). */
    static boolean isTrue(String value) {
        return TRUE.contains(value.strip().toLowerCase(Locale.ROOT));
    }

    /** A boolean as tuned writes one ({@code 1}/{@code 0}, {@code true}/{@code false}, ...). */
    static boolean bool(String value) {
        String text = resolved(value).toLowerCase(Locale.ROOT);
        if (TRUE.contains(text) || FALSE.contains(text)) {
            return TRUE.contains(text);
        }
        throw new Unmapped("'" + value.strip() + "' is not a boolean");
    }

    /** One of {@code choices}. */
    static String choice(String value, Set<String> choices) {
        String text = resolved(value);
        if (!choices.contains(text)) {
            throw new Unmapped("'" + text + "' is not one of " + String.join(", ", new TreeSet<>(choices)));
        }
        return text;
    }

    /** A name the kernel reads from a sysfs file (a governor, a scheduler). */
    static String kernelWord(String value) {
        String text = resolved(value);
        if (!KERNEL_WORD.matcher(text).matches()) {
            throw new Unmapped("'" + text + "' is not a kernel name (letters, digits and _+.-)");
        }
        return text;
    }
}
