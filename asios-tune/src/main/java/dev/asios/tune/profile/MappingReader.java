package dev.asios.tune.profile;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Typed reads of one YAML mapping of a profile, each checked against its type and bounds. On
 * construction it refuses keys it does not know (with a "did you mean" when one is close). Every
 * error is a {@link ProfileException} that names the file, the line and the dotted setting
 * ({@code memory.swappiness}). A key written with an empty value is refused, not taken as absent.
 */
final class MappingReader {

    /** Names the kernel accepts for governors, schedulers and the like: no spaces, no newlines. */
    private static final Pattern KERNEL_WORD = Pattern.compile("[A-Za-z0-9_+.-]{1,64}");

    private final String file;
    private final String path;
    private final YamlNode.Mapping mapping;

    MappingReader(String file, String path, YamlNode.Mapping mapping, Set<String> knownKeys) {
        this.file = file;
        this.path = path;
        this.mapping = mapping;
        for (Map.Entry<String, YamlNode.Entry> entry : mapping.entries().entrySet()) {
            if (!knownKeys.contains(entry.getKey())) {
                throw ProfileException.at(file, entry.getValue().keyLine(), unknownKey(entry.getKey(), knownKeys));
            }
        }
    }

    /** A mapping under a key: the value must be a mapping. */
    static MappingReader of(String file, String path, YamlNode node, Set<String> knownKeys) {
        if (!(node instanceof YamlNode.Mapping mapping)) {
            throw ProfileException.at(file, node.line(), path + ": expected a mapping of settings, found " + node.describe());
        }
        return new MappingReader(file, path, mapping, knownKeys);
    }

    /** The file being read. */
    String file() {
        return file;
    }

    /** The value of {@code key}, when present. */
    Optional<YamlNode> node(String key) {
        return Optional.ofNullable(mapping.entries().get(key)).map(YamlNode.Entry::value);
    }

    /** The line of {@code key}, or of the mapping when the key is absent. */
    int lineOf(String key) {
        YamlNode.Entry entry = mapping.entries().get(key);
        return entry == null ? mapping.line() : entry.keyLine();
    }

    /** The dotted name of {@code key}, for messages. */
    String name(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** {@code true} or {@code false}. */
    Optional<Boolean> bool(String key) {
        return node(key).map(node -> {
            if (node instanceof YamlNode.Scalar s && s.kind() == YamlNode.Scalar.Kind.BOOLEAN) {
                return Boolean.parseBoolean(s.text().toLowerCase(Locale.ROOT));
            }
            throw wrongType(key, node, "true or false");
        });
    }

    /** An integer in {@code min..max}. */
    Optional<Integer> intIn(String key, int min, int max) {
        return longIn(key, min, max).map(Long::intValue);
    }

    /** An integer of at least {@code min}, up to {@link Integer#MAX_VALUE}. */
    Optional<Integer> intAtLeast(String key, int min) {
        return integer(key, min, Integer.MAX_VALUE, "an integer >= " + min).map(Long::intValue);
    }

    /** A long integer in {@code min..max}. */
    Optional<Long> longIn(String key, long min, long max) {
        return integer(key, min, max, "an integer " + min + ".." + max);
    }

    /** A long integer of at least {@code min}. */
    Optional<Long> longAtLeast(String key, long min) {
        return integer(key, min, Long.MAX_VALUE, "an integer >= " + min);
    }

    /** One of a fixed set of words, as the kernel spells them. */
    <E> Optional<E> choice(String key, Map<String, E> choices) {
        return node(key).map(node -> {
            if (node instanceof YamlNode.Scalar s && s.kind() == YamlNode.Scalar.Kind.STRING && choices.containsKey(s.text())) {
                return choices.get(s.text());
            }
            throw wrongType(key, node, "one of " + String.join(", ", choices.keySet()));
        });
    }

    /** A name the kernel takes (a governor, a scheduler): letters, digits, {@code _+.-}. */
    Optional<String> kernelWord(String key) {
        return node(key).map(node -> {
            if (node instanceof YamlNode.Scalar s && s.kind() == YamlNode.Scalar.Kind.STRING && KERNEL_WORD.matcher(s.text()).matches()) {
                return s.text();
            }
            throw wrongType(key, node, "a name of letters, digits and _+.-");
        });
    }

    /** Any non-blank text; integers are taken as written (a CPU list may be a single number). */
    Optional<String> text(String key) {
        return node(key).map(node -> {
            if (node instanceof YamlNode.Scalar s
                    && (s.kind() == YamlNode.Scalar.Kind.STRING || s.kind() == YamlNode.Scalar.Kind.INTEGER)
                    && !s.text().isBlank()) {
                return s.text();
            }
            throw wrongType(key, node, "text");
        });
    }

    /** A list of names. */
    Optional<List<YamlNode.Scalar>> names(String key) {
        return node(key).map(node -> {
            if (!(node instanceof YamlNode.Sequence sequence)) {
                throw wrongType(key, node, "a list of profile names");
            }
            List<YamlNode.Scalar> names = new ArrayList<>();
            for (YamlNode item : sequence.items()) {
                if (!(item instanceof YamlNode.Scalar s) || s.kind() != YamlNode.Scalar.Kind.STRING) {
                    throw ProfileException.at(file, item.line(), name(key) + ": expected a profile name, found " + item.describe());
                }
                names.add(s);
            }
            return names;
        });
    }

    /** A list of mappings. */
    Optional<List<YamlNode>> list(String key) {
        return node(key).map(node -> {
            if (node instanceof YamlNode.Sequence sequence) {
                return sequence.items();
            }
            throw wrongType(key, node, "a list");
        });
    }

    /** Refuses {@code node}, the value of {@code key}, for not being {@code expected}. */
    ProfileException wrongType(String key, YamlNode node, String expected) {
        return ProfileException.at(file, node.line(), name(key) + ": expected " + expected + ", found " + node.describe());
    }

    private Optional<Long> integer(String key, long min, long max, String expected) {
        return node(key).map(node -> {
            if (node instanceof YamlNode.Scalar s && s.kind() == YamlNode.Scalar.Kind.INTEGER
                    && s.integer().compareTo(BigInteger.valueOf(min)) >= 0 && s.integer().compareTo(BigInteger.valueOf(max)) <= 0) {
                return s.integer().longValue();
            }
            throw wrongType(key, node, expected);
        });
    }

    private String unknownKey(String key, Set<String> knownKeys) {
        String where = path.isEmpty() ? "at the top level" : "in " + path;
        String message = "unknown key '" + key + "' " + where;
        Optional<String> close = knownKeys.stream().filter(k -> EditDistance.withinOne(k, key)).sorted().findFirst();
        if (close.isPresent()) {
            return message + "; did you mean '" + close.get() + "'?";
        }
        return message + "; known: " + String.join(", ", knownKeys.stream().sorted().toList());
    }
}
