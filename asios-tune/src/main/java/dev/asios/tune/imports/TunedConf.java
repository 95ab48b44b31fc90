package dev.asios.tune.imports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One tuned profile file ({@code tuned.conf}) as tuned's INI reader (Python's ConfigParser with
 * {@code =} as the only delimiter, {@code #} inline comments and {@code strict=False}) sees it.
 * Pure: text in, values out; immutable and thread-safe.
 *
 * <p>The format, line by line:
 * <ul>
 *   <li>{@code [name]} starts a section; every option belongs to one;</li>
 *   <li>{@code key = value} splits at the first {@code =}; key and value are stripped, keys keep
 *       their case;</li>
 *   <li>a line whose first non-blank character is {@code #} or {@code ;} is a comment, and so is
 *       the rest of a line from a {@code #} that follows white space;</li>
 *   <li>a line indented deeper than its option continues the option's value (joined with a
 *       newline); a blank line ends it;</li>
 *   <li>a section or an option given twice merges, the later value winning;</li>
 *   <li>options of {@code [DEFAULT]} are defaults for every other section.</li>
 * </ul>
 * Anything else is refused with a {@link TunedConfException} naming the file and line.
 *
 * @param file the file's name, as error messages should show it
 * @param sections the sections in order of first appearance, without {@code [DEFAULT]}
 */
public record TunedConf(String file, List<Section> sections) {

    /** The largest file accepted, in characters; tuned's own profiles are a few KiB. */
    public static final int MAX_CHARS = 64 * 1024;

    /** The most options one file may set; tuned's own profiles set a few dozen. */
    public static final int MAX_OPTIONS = 1000;

    private static final String DEFAULTS = "DEFAULT";

    /** Creates the value with an immutable copy of the sections. */
    public TunedConf {
        sections = List.copyOf(sections);
    }

    /** The section {@code name}, if the file has it. */
    public Optional<Section> section(String name) {
        return sections.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /**
     * Parses the text of a {@code tuned.conf}.
     *
     * @throws TunedConfException on a line that is not a section header, an option, a
     *     continuation, a comment or blank, on an option before the first section, and on a file
     *     over {@link #MAX_CHARS} characters or {@link #MAX_OPTIONS} options
     */
    public static TunedConf parse(String text, String file) {
        Reader reader = new Reader(file, false);
        reader.read(text);
        return new TunedConf(file, reader.sections());
    }

    /**
     * Parses a variables file that a profile includes from {@code [variables]}: options, with
     * or without section headers, in file order (sections only group them).
     *
     * @throws TunedConfException as {@link #parse}, except that options may come first
     */
    public static List<Option> parseVariables(String text, String file) {
        Reader reader = new Reader(file, true);
        reader.read(text);
        return reader.sections().stream().flatMap(s -> s.options().stream()).toList();
    }

    /**
     * One section.
     *
     * @param name the name between the brackets
     * @param line the 1-based line of its first header
     * @param options its options in order of first appearance
     */
    public record Section(String name, int line, List<Option> options) {

        /** Creates the value with an immutable copy of the options. */
        public Section {
            options = List.copyOf(options);
        }

        /** The value of option {@code key}, if the section has it. */
        public Optional<String> value(String key) {
            return options.stream().filter(o -> o.key().equals(key)).map(Option::value).findFirst();
        }
    }

    /**
     * One option.
     *
     * @param key the name left of the first {@code =}
     * @param value the text right of it, continuation lines joined with newlines
     * @param line the 1-based line where it was last set
     */
    public record Option(String key, String value, int line) {
    }

    /** The line-by-line reader; one per file. */
    private static final class Reader {

        private final String file;
        private final boolean optionsFirst;
        private final Map<String, Integer> headerLines = new LinkedHashMap<>();
        private final Map<String, Map<String, Option>> options = new LinkedHashMap<>();
        private Map<String, Option> current;
        private Option last;
        private int lastIndent;
        private int count;

        Reader(String file, boolean optionsFirst) {
            this.file = file;
            this.optionsFirst = optionsFirst;
            if (optionsFirst) {
                startSection("", 1);
            }
        }

        void read(String text) {
            if (text.length() > MAX_CHARS) {
                throw new TunedConfException(file, 1, "longer than " + MAX_CHARS + " characters; a tuned profile is a few KiB");
            }
            String[] lines = text.split("\r\n|\r|\n", -1);
            for (int i = 0; i < lines.length; i++) {
                line(lines[i], i + 1);
            }
        }

        private void line(String raw, int number) {
            String stripped = raw.strip();
            if (stripped.isEmpty()) {
                last = null;
                return;
            }
            if (stripped.startsWith("#") || stripped.startsWith(";")) {
                return;
            }
            String content = withoutInlineComment(stripped);
            int indent = raw.length() - raw.stripLeading().length();
            if (last != null && indent > lastIndent) {
                last = new Option(last.key(), (last.value() + "\n" + content).strip(), last.line());
                current.put(last.key(), last);
            } else if (content.startsWith("[")) {
                header(content, number);
            } else {
                option(content, number, indent);
            }
        }

        private void header(String content, int number) {
            if (!content.endsWith("]") || content.length() < 3) {
                throw new TunedConfException(file, number, "a section header must look like [name], found '" + shorten(content) + "'");
            }
            startSection(content.substring(1, content.length() - 1), number);
            last = null;
        }

        private void startSection(String name, int number) {
            headerLines.putIfAbsent(name, number);
            current = options.computeIfAbsent(name, n -> new LinkedHashMap<>());
        }

        private void option(String content, int number, int indent) {
            int equals = content.indexOf('=');
            if (equals < 0) {
                throw new TunedConfException(file, number, "expected key=value, a [section] or a comment, found '" + shorten(content) + "'");
            }
            String key = content.substring(0, equals).strip();
            if (key.isEmpty()) {
                throw new TunedConfException(file, number, "an option needs a name before '='");
            }
            if (current == null) {
                throw new TunedConfException(file, number, "option '" + shorten(key) + "' comes before any [section]");
            }
            if (++count > MAX_OPTIONS) {
                throw new TunedConfException(file, number, "more than " + MAX_OPTIONS + " options; a tuned profile sets a few dozen");
            }
            last = new Option(key, content.substring(equals + 1).strip(), number);
            lastIndent = indent;
            current.put(key, last);
        }

        List<Section> sections() {
            Map<String, Option> defaults = options.getOrDefault(DEFAULTS, Map.of());
            List<Section> sections = new ArrayList<>();
            options.forEach((name, own) -> {
                if (name.equals(DEFAULTS) || (optionsFirst && name.isEmpty() && own.isEmpty())) {
                    return;
                }
                Map<String, Option> all = new LinkedHashMap<>(own);
                defaults.forEach(all::putIfAbsent);
                sections.add(new Section(name, headerLines.get(name), new ArrayList<>(all.values())));
            });
            return sections;
        }

        // An inline comment starts at a '#' that follows white space: "elevator=none # NVMe".
        private static String withoutInlineComment(String stripped) {
            for (int i = 1; i < stripped.length(); i++) {
                if (stripped.charAt(i) == '#' && Character.isWhitespace(stripped.charAt(i - 1))) {
                    return stripped.substring(0, i).strip();
                }
            }
            return stripped;
        }

        private static String shorten(String text) {
            return text.length() <= 60 ? text : text.substring(0, 57) + "...";
        }
    }
}
