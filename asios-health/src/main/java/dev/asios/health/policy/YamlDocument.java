package dev.asios.health.policy;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * One YAML document read with Jackson: its tree, and the line of every key and value (by JSON
 * Pointer), so that a check of the tree can name the line. Refuses a syntax error, a key written
 * twice, an empty file and a second document, as {@link PolicyException}s with the line.
 *
 * @param root the document's root value
 * @param file the file's name, for messages
 * @param lines the 1-based line of each pointer: of the key for a mapping's value
 */
record YamlDocument(JsonNode root, String file, Map<String, Integer> lines) {

    /** Strict about keys written twice; {@code off}, {@code yes} and the like are words, not YAML 1.1 booleans. */
    private static final YAMLFactory FACTORY = YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS).build();
    private static final ObjectMapper TREE = new ObjectMapper(FACTORY);
    private static final String FIX_SYNTAX = "Correct the YAML there: indent with spaces, close brackets and quotes, one 'key: value' a line";

    /** Reads {@code text}, the content of {@code file}. */
    static YamlDocument read(String text, String file) {
        try {
            Map<String, Integer> lines = indexLines(text, file);
            return new YamlDocument(TREE.readTree(text), file, lines);
        } catch (JacksonException e) {
            throw syntaxError(file, e);
        } catch (YAMLException e) {
            throw syntaxError(file, e);
        } catch (IOException e) {
            throw PolicyException.at(file, 0, "", "cannot read the YAML: " + e.getMessage(), FIX_SYNTAX);
        }
    }

    /** The line of the key or value at {@code pointer}, else of its nearest enclosing one, else 0. */
    int line(JsonPointer pointer) {
        for (JsonPointer at = pointer; at != null; at = at.head()) {
            Integer line = lines.get(at.toString());
            if (line != null) {
                return line;
            }
        }
        return 0;
    }

    private static Map<String, Integer> indexLines(String text, String file) throws IOException {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken token = parser.nextToken();
            if (token == null) {
                throw PolicyException.at(file, 1, "", "the file is empty",
                        "Write at least 'mode: dry-run', or leave the policy file out to use the built-in policy");
            }
            for (int depth = 0; ; token = parser.nextToken()) {
                lines.putIfAbsent(parser.getParsingContext().pathAsPointer().toString(), parser.currentTokenLocation().getLineNr());
                depth += token.isStructStart() ? 1 : token.isStructEnd() ? -1 : 0;
                if (depth == 0) {
                    break;
                }
            }
            if (parser.nextToken() != null) {
                throw PolicyException.at(file, parser.currentTokenLocation().getLineNr(), "", "a second YAML document, after a '---' line, starts here",
                        "A policy file holds one document: remove the '---' and what follows, or merge it into the first");
            }
        }
        return lines;
    }

    private static PolicyException syntaxError(String file, JacksonException e) {
        if (e.getCause() instanceof MarkedYAMLException marked) {
            return syntaxError(file, marked);
        }
        String message = firstLine(e.getOriginalMessage());
        JsonLocation location = e.getLocation();
        int line = location == null ? 0 : location.getLineNr();
        if (message.startsWith("Duplicate field ")) {
            return PolicyException.at(file, line, "", "a key is written twice: " + message.substring("Duplicate field ".length()),
                    "Keep one of the two");
        }
        return PolicyException.at(file, line, "", "not valid YAML: " + message, FIX_SYNTAX);
    }

    private static PolicyException syntaxError(String file, YAMLException e) {
        if (e instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
            Mark problem = marked.getProblemMark();
            String context = marked.getContext() == null ? "" : " (" + firstLine(marked.getContext()) + ")";
            return PolicyException.at(file, problem.getLine() + 1, "", "not valid YAML: " + firstLine(marked.getProblem()) + context, FIX_SYNTAX);
        }
        return PolicyException.at(file, 0, "", "not valid YAML: " + firstLine(e.getMessage()), FIX_SYNTAX);
    }

    private static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return "unreadable";
        }
        return message.strip().lines().findFirst().orElse("unreadable").strip();
    }
}
