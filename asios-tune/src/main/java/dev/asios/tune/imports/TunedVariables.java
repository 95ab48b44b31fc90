package dev.asios.tune.imports;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * tuned's profile variables, expanded as tuned does without the host: {@code ${name}} becomes
 * the variable's value, {@code \${name}} the literal {@code ${name}}; an undefined variable, a
 * function call {@code ${f:...}} and an internal variable {@code ${i:...}} stay as written, and
 * {@link #unresolved} says why. Not thread-safe (one per import).
 */
final class TunedVariables {

    /** The longest value an expansion may produce; tuned profiles hold a few hundred characters. */
    static final int MAX_EXPANDED_CHARS = 16 * 1024;

    private static final Pattern REFERENCE = Pattern.compile("(?<!\\\\)\\$\\{(\\w+)}");
    private static final Pattern ESCAPED = Pattern.compile("\\\\(\\$\\{\\w+})");
    private static final Pattern NAME = Pattern.compile("\\w+");
    private static final Pattern LEFT = Pattern.compile("\\$\\{(?:([fi]):)?([^:}]{0,40})");

    private final Map<String, String> values = new HashMap<>();

    /**
     * Defines {@code name} as {@code value}, expanded with the variables defined so far.
     *
     * @return false, defining nothing, when {@code name} is not letters, digits and {@code _}
     */
    boolean define(String name, String value, TunedSetting where) {
        if (!NAME.matcher(name).matches()) {
            return false;
        }
        values.put(name, expand(value, where));
        return true;
    }

    /**
     * {@code text} with every defined variable replaced, in one pass.
     *
     * @throws TunedConfException when the result is longer than {@link #MAX_EXPANDED_CHARS}
     */
    String expand(String text, TunedSetting where) {
        Matcher reference = REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (reference.find()) {
            reference.appendReplacement(out, Matcher.quoteReplacement(values.getOrDefault(reference.group(1), reference.group())));
            if (out.length() > MAX_EXPANDED_CHARS) {
                throw new TunedConfException(where.file(), where.line(), where.key() + ": its variables expand to more than "
                        + MAX_EXPANDED_CHARS + " characters");
            }
        }
        reference.appendTail(out);
        return ESCAPED.matcher(out).replaceAll("$1");
    }

    /** Why {@code text} cannot be used without tuned on the host, or empty when it can. */
    static Optional<String> unresolved(String text) {
        Matcher left = LEFT.matcher(text);
        if (!left.find()) {
            return Optional.empty();
        }
        String name = left.group(2);
        if ("f".equals(left.group(1))) {
            return Optional.of("needs tuned's function " + name + ", which tuned evaluates on the host");
        }
        if ("i".equals(left.group(1))) {
            return Optional.of("needs tuned's internal variable " + name);
        }
        return Optional.of("uses the variable ${" + name + "}, which is not defined");
    }
}
