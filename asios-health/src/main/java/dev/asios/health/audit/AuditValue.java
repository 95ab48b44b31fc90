package dev.asios.health.audit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The state before or after an action, as an audit event records it: one text
 * ({@code "60"}, {@code "0-1"}) or a few named texts ({@code {"cpu.weight": "100", "io.weight": "100"}}).
 * Immutable.
 */
public sealed interface AuditValue {

    /** One text. */
    static AuditValue of(String text) {
        return new Text(text);
    }

    /** Named texts, in the map's order. */
    static AuditValue of(Map<String, String> fields) {
        return new Fields(fields);
    }

    /**
     * One text.
     *
     * @param text the value as text
     */
    record Text(String text) implements AuditValue {

        /** Keeps the text well-formed (a lone UTF-16 surrogate becomes {@code ?}). */
        public Text {
            text = AuditText.wellFormed(text);
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /**
     * Named texts.
     *
     * @param fields names to values, in order; neither may be null
     */
    record Fields(Map<String, String> fields) implements AuditValue {

        /** Copies the map, keeping its order and making its texts well-formed. */
        public Fields {
            Map<String, String> copy = new LinkedHashMap<>();
            fields.forEach((name, value) -> copy.put(AuditText.wellFormed(name), AuditText.wellFormed(value)));
            fields = Collections.unmodifiableMap(copy);
        }

        @Override
        public String toString() {
            return fields.toString();
        }
    }
}
