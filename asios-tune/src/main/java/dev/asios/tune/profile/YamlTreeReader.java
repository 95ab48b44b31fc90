package dev.asios.tune.profile;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads one YAML document into a {@link YamlNode} tree that keeps line numbers. Refuses syntax
 * errors, duplicate keys, several documents and nesting deeper than any profile needs, each as a
 * {@link ProfileException} with file and line. Stateless and thread-safe.
 */
final class YamlTreeReader {

    /** Deeper than any profile setting (root, section, list, list item). */
    private static final int MAX_DEPTH = 8;

    private static final YAMLFactory FACTORY = new YAMLFactory();

    private YamlTreeReader() {
    }

    /** The document's root, which must be a mapping. */
    static YamlNode.Mapping read(String text, String file) {
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null || first == JsonToken.VALUE_NULL) {
                throw ProfileException.at(file, 1, "the file is empty; a profile needs at least name and description");
            }
            YamlNode root = readValue(parser, file, 1);
            if (!(root instanceof YamlNode.Mapping mapping)) {
                throw ProfileException.at(file, root.line(), "a profile is a mapping of keys (name, description, ...), found " + root.describe());
            }
            if (parser.nextToken() != null) {
                throw ProfileException.at(file, line(parser), "a second YAML document; a profile file holds one");
            }
            return mapping;
        } catch (JacksonException e) {
            if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
                throw syntaxError(file, marked);
            }
            JsonLocation location = e.getLocation();
            throw ProfileException.at(file, location == null ? 0 : location.getLineNr(), "YAML syntax error: " + firstLine(e.getOriginalMessage()));
        } catch (MarkedYAMLException e) {
            throw syntaxError(file, e);
        } catch (YAMLException e) {
            throw ProfileException.at(file, 0, "YAML syntax error: " + firstLine(e.getMessage()));
        } catch (IOException e) {
            throw ProfileException.at(file, 0, "cannot read YAML: " + e.getMessage());
        }
    }

    private static YamlNode readValue(JsonParser parser, String file, int depth) throws IOException {
        JsonToken token = parser.currentToken();
        int line = line(parser);
        if (token == null) {
            throw ProfileException.at(file, line, "the YAML ends in the middle of a value");
        }
        if ((token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) && depth > MAX_DEPTH) {
            throw ProfileException.at(file, line, "nested deeper than " + MAX_DEPTH + " levels; no profile setting is");
        }
        return switch (token) {
            case START_OBJECT -> readMapping(parser, file, depth, line);
            case START_ARRAY -> readSequence(parser, file, depth, line);
            case VALUE_STRING -> new YamlNode.Scalar(line, YamlNode.Scalar.Kind.STRING, parser.getText(), null);
            case VALUE_NUMBER_INT -> new YamlNode.Scalar(line, YamlNode.Scalar.Kind.INTEGER, parser.getText(), integer(parser));
            case VALUE_NUMBER_FLOAT -> new YamlNode.Scalar(line, YamlNode.Scalar.Kind.FLOAT, parser.getText(), null);
            case VALUE_TRUE, VALUE_FALSE -> new YamlNode.Scalar(line, YamlNode.Scalar.Kind.BOOLEAN, parser.getText(), null);
            case VALUE_NULL -> new YamlNode.Scalar(line, YamlNode.Scalar.Kind.NULL, "", null);
            default -> throw ProfileException.at(file, line, "unexpected YAML token " + token);
        };
    }

    private static YamlNode.Mapping readMapping(JsonParser parser, String file, int depth, int line) throws IOException {
        Map<String, YamlNode.Entry> entries = new LinkedHashMap<>();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
            if (token != JsonToken.FIELD_NAME) {
                throw ProfileException.at(file, line(parser), "expected a key, found " + token);
            }
            String key = parser.currentName();
            int keyLine = line(parser);
            parser.nextToken();
            YamlNode value = readValue(parser, file, depth + 1);
            YamlNode.Entry earlier = entries.putIfAbsent(key, new YamlNode.Entry(keyLine, value));
            if (earlier != null) {
                throw ProfileException.at(file, keyLine, "key '" + key + "' appears twice (first on line " + earlier.keyLine() + ")");
            }
        }
        return new YamlNode.Mapping(line, entries);
    }

    private static YamlNode.Sequence readSequence(JsonParser parser, String file, int depth, int line) throws IOException {
        List<YamlNode> items = new ArrayList<>();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            items.add(readValue(parser, file, depth + 1));
        }
        return new YamlNode.Sequence(line, items);
    }

    private static BigInteger integer(JsonParser parser) throws IOException {
        return switch (parser.getNumberValue()) {
            case BigInteger big -> big;
            case Number number -> BigInteger.valueOf(number.longValue());
        };
    }

    private static int line(JsonParser parser) {
        return parser.currentTokenLocation().getLineNr();
    }

    /** SnakeYAML's own marks: the problem's line, and where the construct it broke began. */
    private static ProfileException syntaxError(String file, MarkedYAMLException e) {
        Mark problem = e.getProblemMark();
        if (problem == null) {
            return ProfileException.at(file, 0, "YAML syntax error: " + firstLine(e.getMessage()));
        }
        String reason = "YAML syntax error: " + firstLine(e.getProblem());
        Mark context = e.getContextMark();
        if (e.getContext() != null && context != null && context.getLine() != problem.getLine()) {
            reason += " (" + firstLine(e.getContext()) + " from line " + (context.getLine() + 1) + ")";
        }
        return ProfileException.at(file, problem.getLine() + 1, reason);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable YAML";
        }
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).strip();
    }
}
