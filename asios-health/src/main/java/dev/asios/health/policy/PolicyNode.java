package dev.asios.health.policy;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.FileSystems;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.PatternSyntaxException;

/**
 * One mapping of a policy file, read with its type and bounds checked. Its keys are checked on
 * creation: an unknown key is refused with a "did you mean". Each typed read takes the value the
 * field keeps when the file leaves it out (from the policy underneath); with none, the field is
 * required. A key written with an empty value is refused, not taken as absent. Every error is a
 * {@link PolicyException} naming the file, the line and the dotted field.
 */
final class PolicyNode {

    private final YamlDocument document;
    private final JsonPointer pointer;
    private final String field;
    private final JsonNode mapping;

    private PolicyNode(YamlDocument document, JsonPointer pointer, String field, JsonNode mapping, Set<String> knownKeys, String keyNoun) {
        this.document = document;
        this.pointer = pointer;
        this.field = field;
        this.mapping = mapping;
        for (String key : keys()) {
            if (!knownKeys.contains(key)) {
                throw unknownKey(key, knownKeys, keyNoun);
            }
        }
    }

    /** The document's root, which must be a mapping with only {@code knownKeys}. */
    static PolicyNode root(YamlDocument document, Set<String> knownKeys) {
        if (!document.root().isObject()) {
            throw PolicyException.at(document.file(), 1, "", "expected a mapping of keys (mode, remediations), found " + describe(document.root()),
                    "Start the file with 'mode: dry-run' and a 'remediations:' section, as in the built-in policy");
        }
        return new PolicyNode(document, JsonPointer.empty(), "", document.root(), knownKeys, "key");
    }

    /**
     * The mapping under {@code key}, if the key is there; its keys must be among {@code knownKeys}
     * ({@code keyNoun} says what they are: a "key", a "remediation").
     */
    Optional<PolicyNode> mapping(String key, Set<String> knownKeys, String keyNoun) {
        return value(key).map(node -> {
            if (!node.isObject()) {
                throw error(key, "expected a mapping, found " + describe(node), "Write the " + keyNoun + "s of '" + key + "' indented below it");
            }
            return new PolicyNode(document, pointer.appendProperty(key), name(key), node, knownKeys, keyNoun);
        });
    }

    /** The keys present, in file order. */
    List<String> keys() {
        List<String> keys = new ArrayList<>();
        mapping.properties().forEach(entry -> keys.add(entry.getKey()));
        return keys;
    }

    /** {@code true} or {@code false}. */
    boolean bool(String key, Boolean fallback) {
        return read(key, fallback, node -> node.isBoolean() ? node.booleanValue() : null, "true or false", "Write true or false");
    }

    /** A whole number in {@code min..max}. */
    int integer(String key, int min, int max, Integer fallback) {
        return read(key, fallback, node -> node.isIntegralNumber() && inRange(node.bigIntegerValue(), min, max) ? node.intValue() : null,
                "a whole number from " + min + " to " + max, "Write a whole number from " + min + " to " + max);
    }

    /** A number, whole or decimal, in {@code min..max}. */
    double number(String key, double min, double max, Double fallback) {
        String range = plain(min) + " to " + plain(max);
        return read(key, fallback, node -> node.isNumber() && node.doubleValue() >= min && node.doubleValue() <= max ? node.doubleValue() : null,
                "a number from " + range, "Write a number from " + range);
    }

    /** A duration in {@code min..max}, as {@link DurationText} reads it. */
    Duration duration(String key, Duration min, Duration max, Duration fallback) {
        String range = DurationText.format(min) + " to " + DurationText.format(max);
        Duration value = read(key, fallback, node -> node.isTextual() ? DurationText.parse(node.textValue()).orElse(null) : null, DurationText.EXPECTED,
                "Write a whole number with a unit, such as 90s rather than 1.5m, or 0s for none");
        if (value.compareTo(min) >= 0 && value.compareTo(max) <= 0) {
            return value;
        }
        if (value(key).isPresent()) {
            throw error(key, "expected a duration from " + range + ", found " + DurationText.format(value), "Write a duration from " + range);
        }
        throw error(key, "the value it keeps from the built-in policy, " + DurationText.format(value) + ", is not from " + range
                + " (another field here moved that bound)", "Set '" + key + "' in this file too");
    }

    /**
     * A list of cgroup path globs, each starting with {@code /} and of the syntax
     * {@link java.nio.file.FileSystem#getPathMatcher} takes after {@code glob:}.
     */
    List<String> cgroupGlobs(String key, List<String> fallback) {
        String fix = "Write a list of cgroup paths that may hold wildcards, such as [/system.slice/sshd.service, /batch/**], or [] for none";
        List<String> globs = read(key, fallback, PolicyNode::texts, "a list of cgroup paths", fix);
        for (String glob : globs) {
            if (!glob.startsWith("/")) {
                throw error(key, "'" + glob + "' does not start with /", "Write the path from the hierarchy's top, such as /" + glob);
            }
            try {
                FileSystems.getDefault().getPathMatcher("glob:" + glob);
            } catch (PatternSyntaxException e) {
                throw error(key, "'" + glob + "' is not a valid glob: " + e.getDescription(), fix);
            }
        }
        return globs;
    }

    /** The strings of a list, or null when it is not a list of non-empty strings. */
    private static List<String> texts(JsonNode node) {
        if (!node.isArray()) {
            return null;
        }
        List<String> texts = new ArrayList<>();
        for (JsonNode element : node) {
            if (!element.isTextual() || element.textValue().isBlank()) {
                return null;
            }
            texts.add(element.textValue());
        }
        return texts;
    }

    /** One of the constants of {@code type}, by its kebab name. */
    <E extends Enum<E>> E choice(String key, Class<E> type, E fallback) {
        String choices = KebabCase.all(type);
        return read(key, fallback, node -> node.isTextual() ? KebabCase.parse(type, node.textValue()).orElse(null) : null, "one of " + choices,
                "Write one of " + choices);
    }

    /** Refuses a required field the file leaves out. */
    PolicyException missing(String key) {
        return error(key, "missing", "Add '" + key + ":' to " + (field.isEmpty() ? "the top level" : field));
    }

    /** An error about {@code key} of this mapping, at the key's line (or the mapping's, when the key is absent). */
    PolicyException error(String key, String problem, String fix) {
        return PolicyException.at(document.file(), document.line(pointer.appendProperty(key)), name(key), problem, fix);
    }

    /** The dotted name of {@code key}: {@code remediations.reapply-drift.cooldown}. */
    String name(String key) {
        return field.isEmpty() ? key : field + "." + key;
    }

    private Optional<JsonNode> value(String key) {
        return Optional.ofNullable(mapping.get(key));
    }

    /** The value converted, or {@code fallback} when absent; {@code convert} answers null for a value it refuses. */
    private <T> T read(String key, T fallback, Function<JsonNode, T> convert, String expected, String fix) {
        Optional<JsonNode> node = value(key);
        if (node.isEmpty()) {
            if (fallback == null) {
                throw missing(key);
            }
            return fallback;
        }
        T value = convert.apply(node.get());
        if (value == null) {
            throw error(key, "expected " + expected + ", found " + describe(node.get()), fix);
        }
        return value;
    }

    private PolicyException unknownKey(String key, Set<String> knownKeys, String keyNoun) {
        Set<String> sorted = new TreeSet<>(knownKeys);
        String fix = Suggestions.closest(key, sorted).map(close -> "Did you mean '" + close + "'?").orElse("Remove it.")
                + " The " + keyNoun + "s allowed " + (field.isEmpty() ? "at the top level" : "in " + field) + " are: " + String.join(", ", sorted);
        return PolicyException.at(document.file(), document.line(pointer.appendProperty(key)), name(key), "unknown " + keyNoun + " '" + key + "'", fix);
    }

    /** {@code 100} rather than {@code 100.0}. */
    private static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static boolean inRange(BigInteger value, int min, int max) {
        return value.compareTo(BigInteger.valueOf(min)) >= 0 && value.compareTo(BigInteger.valueOf(max)) <= 0;
    }

    /** A value as a message quotes it. */
    static String describe(JsonNode node) {
        if (node.isObject()) {
            return "a mapping";
        }
        if (node.isArray()) {
            return "a list";
        }
        if (node.isNull() || node.isMissingNode() || node.isTextual() && node.textValue().isEmpty()) {
            return "nothing";
        }
        String text = node.asText().replace('\n', ' ');
        String clipped = text.length() <= 60 ? text : text.substring(0, 57) + "...";
        return node.isTextual() ? "'" + clipped + "'" : clipped;
    }
}
