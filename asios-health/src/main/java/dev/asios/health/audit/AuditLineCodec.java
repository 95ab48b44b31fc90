package dev.asios.health.audit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.asios.health.policy.HealMode;
import dev.asios.health.policy.RemediationKind;
import dev.asios.host.parse.ParseException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * One audit event as one line of JSON, with the SHA-256 of the line before it:
 * <pre>{@code {"seq":7,"ts":1740823200000,"actor":"asios-heal","type":"remediation-applied","subject":"cpu/3","why":"...",
 *  "remediation":"move-task-off-isolated-cpu","before":"3","after":{"cpus":"0-1"},"mode":"enforce","undo":"journal:42",
 *  "outcome":"...","prev":"<64 hex digits>"}}</pre>
 * Optional fields are left out when empty; a reader ignores fields it does not know. Stateless and
 * thread-safe.
 */
final class AuditLineCodec {

    /** The {@code prev} of the first line the log ever wrote. */
    static final String GENESIS = "0".repeat(64);

    /** The longest line, newline included; an event that would be longer is refused, a longer line read is damage. */
    static final int MAX_LINE_BYTES = 64 * 1024;

    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
    private static final byte[] SEQ_PREFIX = "{\"seq\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TS_PREFIX = ",\"ts\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PREV_PREFIX = ",\"prev\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final int PREV_SUFFIX_BYTES = PREV_PREFIX.length + 64 + 2;
    private static final JsonFactory JSON = JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final ObjectMapper TREE = new ObjectMapper(JSON).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /**
     * A line as read: its event and the hash of the line before it it carries.
     *
     * @param event the event
     * @param prev the SHA-256 (hex) the line says the line before it has
     */
    record AuditLine(AuditEvent event, String prev) {
    }

    private AuditLineCodec() {
    }

    /**
     * The line for {@code event} after a line whose hash is {@code prev}, newline included.
     *
     * @throws IllegalArgumentException if the line would be longer than {@link #MAX_LINE_BYTES}
     */
    static byte[] encode(AuditEvent event, String prev) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeNumberField("seq", event.sequence());
            json.writeNumberField("ts", event.epochMs());
            json.writeStringField("actor", event.actor());
            json.writeStringField("type", event.type().wireName());
            json.writeStringField("subject", event.subject());
            json.writeStringField("why", event.why());
            writeOptional(json, "remediation", event.remediation() == null ? null : event.remediation().wireName());
            writeValue(json, "before", event.before());
            writeValue(json, "after", event.after());
            writeOptional(json, "mode", event.mode() == null ? null : event.mode().wireName());
            writeOptional(json, "undo", event.undoRef());
            writeOptional(json, "outcome", event.outcome());
            json.writeStringField("prev", prev);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing an audit event to memory", e);
        }
        out.write('\n');
        if (out.size() > MAX_LINE_BYTES) {
            throw new IllegalArgumentException("audit event " + event.type().wireName() + " on " + event.subject() + " is " + out.size()
                    + " bytes as a line, more than the " + MAX_LINE_BYTES + " an audit line may have; shorten its why, before or after");
        }
        return out.toByteArray();
    }

    /**
     * The number, time and {@code prev} of a line as {@link #encode} writes it, read without a JSON
     * parser, so that a whole log can be checked or filtered fast; null for a line of any other
     * shape. Says nothing of whether the rest of the line is valid: {@link #parse} does.
     *
     * @param sequence the {@code seq}
     * @param epochMs the {@code ts}
     * @param prev the {@code prev}
     */
    record LineHeader(long sequence, long epochMs, String prev) {
    }

    /** The header of the line in {@code bytes[0..length)}, or null when it does not have the shape {@link #encode} writes. */
    static LineHeader header(byte[] bytes, int length) {
        int suffixAt = length - PREV_SUFFIX_BYTES;
        if (suffixAt < SEQ_PREFIX.length || !startsWith(bytes, 0, suffixAt, SEQ_PREFIX) || !startsWith(bytes, suffixAt, length, PREV_PREFIX)
                || bytes[length - 2] != '"' || bytes[length - 1] != '}') {
            return null;
        }
        long[] numberAndEnd = new long[2];
        if (!digits(bytes, SEQ_PREFIX.length, suffixAt, numberAndEnd) || numberAndEnd[0] < 1) {
            return null;
        }
        long sequence = numberAndEnd[0];
        int tsAt = (int) numberAndEnd[1];
        if (!startsWith(bytes, tsAt, suffixAt, TS_PREFIX) || !digits(bytes, tsAt + TS_PREFIX.length, suffixAt, numberAndEnd)
                || bytes[(int) numberAndEnd[1]] != ',') {
            return null;
        }
        String prev = new String(bytes, suffixAt + PREV_PREFIX.length, 64, StandardCharsets.ISO_8859_1);
        return HASH.matcher(prev).matches() ? new LineHeader(sequence, numberAndEnd[0], prev) : null;
    }

    /**
     * Reads the line in {@code bytes[0..length)} (without its newline).
     *
     * @throws ParseException quoting the line, if it is not an audit event of this format
     */
    static AuditLine parse(byte[] bytes, int length) {
        JsonNode line;
        try {
            line = TREE.readTree(bytes, 0, length);
        } catch (IOException e) {
            throw rejected(bytes, length, "not JSON (" + firstLine(e.getMessage()) + ")");
        }
        if (line == null || !line.isObject()) {
            throw rejected(bytes, length, "not a JSON object");
        }
        try {
            AuditEvent event = new AuditEvent(number(line, "seq"), number(line, "ts"), text(line, "actor"),
                    word(line, "type", AuditEventType::fromWireName), text(line, "subject"), text(line, "why"),
                    optional(line, "remediation") == null ? null : word(line, "remediation", RemediationKind::fromWireName),
                    value(line, "before"), value(line, "after"), optional(line, "mode") == null ? null : word(line, "mode", HealMode::fromWireName),
                    optional(line, "undo"), optional(line, "outcome"));
            String prev = text(line, "prev");
            if (!HASH.matcher(prev).matches()) {
                throw new IllegalArgumentException("prev is not 64 lower-case hex digits");
            }
            return new AuditLine(event, prev);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw rejected(bytes, length, e.getMessage());
        }
    }

    /** The SHA-256 of {@code bytes[0..length)}, in lower-case hex: what the next line carries as {@code prev}. */
    static String sha256(byte[] bytes, int length) {
        MessageDigest digest = sha256Digest();
        digest.update(bytes, 0, length);
        return HexFormat.of().formatHex(digest.digest());
    }

    /** A new SHA-256 digest. */
    static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Whether {@code bytes[at..limit)} starts with {@code prefix}. */
    private static boolean startsWith(byte[] bytes, int at, int limit, byte[] prefix) {
        return at >= 0 && at + prefix.length <= limit && Arrays.equals(bytes, at, at + prefix.length, prefix, 0, prefix.length);
    }

    /**
     * The decimal number, with an optional minus, at {@code from} before {@code limit}: its value
     * into {@code out[0]}, where it ends into {@code out[1]}; false when there is none or it does not
     * fit a long. Accumulated as a negative number so that {@link Long#MIN_VALUE} fits.
     */
    private static boolean digits(byte[] bytes, int from, int limit, long[] out) {
        boolean negative = from < limit && bytes[from] == '-';
        int start = negative ? from + 1 : from;
        int at = start;
        long value = 0;
        for (; at < limit && bytes[at] >= '0' && bytes[at] <= '9'; at++) {
            int digit = bytes[at] - '0';
            if (value < (Long.MIN_VALUE + digit) / 10) {
                return false;
            }
            value = value * 10 - digit;
        }
        if (at == start || at >= limit || !negative && value == Long.MIN_VALUE) {
            return false;
        }
        out[0] = negative ? value : -value;
        out[1] = at;
        return true;
    }

    private static void writeOptional(JsonGenerator json, String name, String value) throws IOException {
        if (value != null) {
            json.writeStringField(name, value);
        }
    }

    private static void writeValue(JsonGenerator json, String name, AuditValue value) throws IOException {
        switch (value) {
            case null -> {
            }
            case AuditValue.Text text -> json.writeStringField(name, text.text());
            case AuditValue.Fields fields -> {
                json.writeObjectFieldStart(name);
                for (Map.Entry<String, String> field : fields.fields().entrySet()) {
                    json.writeStringField(field.getKey(), field.getValue());
                }
                json.writeEndObject();
            }
        }
    }

    private static long number(JsonNode line, String name) {
        JsonNode node = line.get(name);
        if (node == null || !node.isIntegralNumber() || !node.canConvertToLong()) {
            throw new IllegalArgumentException(name + " is not a whole number");
        }
        return node.longValue();
    }

    private static String text(JsonNode line, String name) {
        String text = optional(line, name);
        if (text == null) {
            throw new IllegalArgumentException(name + " is missing");
        }
        return text;
    }

    private static String optional(JsonNode line, String name) {
        JsonNode node = line.get(name);
        if (node == null) {
            return null;
        }
        if (!node.isTextual()) {
            throw new IllegalArgumentException(name + " is not a string");
        }
        return node.textValue();
    }

    private static <T> T word(JsonNode line, String name, Function<String, Optional<T>> lookUp) {
        String text = text(line, name);
        return lookUp.apply(text).orElseThrow(() -> new IllegalArgumentException(name + " '" + text + "' is not one this version knows"));
    }

    private static AuditValue value(JsonNode line, String name) {
        JsonNode node = line.get(name);
        if (node == null) {
            return null;
        }
        if (node.isTextual()) {
            return AuditValue.of(node.textValue());
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException(name + " is neither a string nor an object");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            if (!field.getValue().isTextual()) {
                throw new IllegalArgumentException(name + "." + field.getKey() + " is not a string");
            }
            fields.put(field.getKey(), field.getValue().textValue());
        }
        return AuditValue.of(fields);
    }

    private static ParseException rejected(byte[] bytes, int length, String reason) {
        String text = new String(bytes, 0, Math.min(length, 120), StandardCharsets.UTF_8).replaceAll("\\p{Cntrl}", "?");
        return new ParseException("audit line: " + reason + ", in '" + text + (length > 120 ? "...'" : "'"));
    }

    private static String firstLine(String message) {
        return message == null ? "unreadable" : message.lines().findFirst().orElse("unreadable");
    }
}
