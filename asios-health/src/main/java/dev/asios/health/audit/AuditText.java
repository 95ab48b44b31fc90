package dev.asios.health.audit;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** Text as the audit log keeps it: never null, and valid UTF-16, so that it encodes to UTF-8 and back unchanged. */
final class AuditText {

    private AuditText() {
    }

    /** {@code text} with every lone surrogate replaced by {@code ?}; the same instance when it has none. */
    static String wellFormed(String text) {
        Objects.requireNonNull(text, "audit text");
        for (int i = 0; i < text.length(); i++) {
            if (Character.isSurrogate(text.charAt(i))) {
                return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
            }
        }
        return text;
    }
}
