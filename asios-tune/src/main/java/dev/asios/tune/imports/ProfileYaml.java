package dev.asios.tune.imports;

import java.util.Map;

/**
 * Writes an imported ASIOS profile as YAML: name, description, each section's settings with the
 * tuned settings they came from as comments above them, and at the end, as comments, what was
 * not imported and why. Strings are double-quoted with every character YAML could misread
 * escaped; comments carry printable characters only and are cut at {@value #MAX_COMMENT_CHARS}
 * characters. Pure.
 */
final class ProfileYaml {

    private static final int MAX_COMMENT_CHARS = 300;

    private ProfileYaml() {
    }

    /** The profile {@code name} with {@code description}, from {@code merged}, as {@code draft} has it. */
    static String render(String name, String description, MergedProfile merged, ProfileDraft draft) {
        StringBuilder yaml = new StringBuilder();
        comment(yaml, "", "Imported from the tuned profile " + merged.imported() + " by asios tune import-tuned.");
        if (merged.profiles().size() > 1) {
            comment(yaml, "", "Merged as tuned merges them, each later profile winning: " + String.join(", ", merged.profiles()) + ".");
        }
        comment(yaml, "", "Above each setting, the tuned setting it came from; at the end, what has no ASIOS equivalent.");
        yaml.append("name: ").append(quoted(name)).append('\n');
        yaml.append("description: ").append(quoted(description)).append('\n');
        String section = "";
        for (Map.Entry<String, Object> setting : draft.values().entrySet()) {
            int dot = setting.getKey().indexOf('.');
            if (!setting.getKey().startsWith(section + ".")) {
                section = setting.getKey().substring(0, dot);
                yaml.append(section).append(":\n");
            }
            for (ImportedSetting from : draft.entries(setting.getKey())) {
                comment(yaml, "  ", from.setting() + " (" + from.source() + ")");
                if (!from.note().isEmpty()) {
                    comment(yaml, "  ", "  " + from.note());
                }
            }
            Object value = setting.getValue();
            yaml.append("  ").append(setting.getKey().substring(dot + 1)).append(": ")
                    .append(value instanceof String text ? quoted(text) : value.toString()).append('\n');
        }
        if (!draft.skipped().isEmpty()) {
            yaml.append('\n');
            comment(yaml, "", "Not imported from tuned:");
            for (SkippedSetting skipped : draft.skipped()) {
                comment(yaml, "", "- " + skipped.setting() + " (" + skipped.source() + ")");
                comment(yaml, "", "    " + skipped.reason());
            }
        }
        return yaml.toString();
    }

    /** {@code text} as a double-quoted YAML scalar. */
    static String quoted(String text) {
        return "\"" + escaped(text, true) + "\"";
    }

    private static void comment(StringBuilder yaml, String indent, String text) {
        String cut = text.codePointCount(0, text.length()) <= MAX_COMMENT_CHARS ? text
                : text.substring(0, text.offsetByCodePoints(0, MAX_COMMENT_CHARS)) + "...";
        yaml.append(indent).append("# ").append(escaped(cut, false)).append('\n');
    }

    private static String escaped(String text, boolean quotes) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (quotes && (c == '"' || c == '\\')) {
                out.append('\\').appendCodePoint(c);
            } else if (printable(c)) {
                out.appendCodePoint(c);
            } else {
                out.append(String.format("\\u%04x", c));
            }
        });
        return out.toString();
    }

    // YAML's printable set, less the characters SnakeYAML takes as line breaks or a byte order mark
    private static boolean printable(int c) {
        return (c >= 0x20 && c <= 0x7E) || (c >= 0xA0 && c <= 0xD7FF && c != 0x2028 && c != 0x2029)
                || (c >= 0xE000 && c <= 0xFFFD && c != 0xFEFF) || c >= 0x10000;
    }
}
