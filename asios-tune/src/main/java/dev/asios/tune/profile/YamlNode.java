package dev.asios.tune.profile;

import java.math.BigInteger;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML value with the line it starts on, so that every error can name its line. Built by
 * {@link YamlTreeReader}; immutable.
 */
sealed interface YamlNode permits YamlNode.Mapping, YamlNode.Sequence, YamlNode.Scalar {

    /** The 1-based line where the value starts. */
    int line();

    /** The value as an error message quotes it: {@code 'high'}, {@code a list}, {@code nothing}. */
    String describe();

    /** A key of a mapping with the line the key is on. */
    record Entry(int keyLine, YamlNode value) {
    }

    /** A mapping, keys in file order. */
    record Mapping(int line, Map<String, Entry> entries) implements YamlNode {
        public Mapping {
            entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }

        @Override
        public String describe() {
            return "a mapping";
        }
    }

    /** A list. */
    record Sequence(int line, List<YamlNode> items) implements YamlNode {
        public Sequence {
            items = List.copyOf(items);
        }

        @Override
        public String describe() {
            return "a list";
        }
    }

    /**
     * A scalar as YAML typed it.
     *
     * @param kind what YAML made of it
     * @param text the text as written (for numbers, as the parser spells them)
     * @param integer the value of an integer scalar, else null
     */
    record Scalar(int line, Kind kind, String text, BigInteger integer) implements YamlNode {

        /** YAML's type of a scalar. */
        enum Kind { STRING, INTEGER, FLOAT, BOOLEAN, NULL }

        @Override
        public String describe() {
            if (kind == Kind.NULL) {
                return "nothing";
            }
            String oneLine = text.replace('\n', ' ');
            return "'" + (oneLine.length() <= 60 ? oneLine : oneLine.substring(0, 57) + "...") + "'";
        }
    }
}
