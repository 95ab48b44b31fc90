package dev.asios.bench.network;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.asios.host.parse.ParseException;

/**
 * Reads the throughput out of an iperf3 client's JSON report ({@code iperf3 -c ... -J}). Pure and
 * thread-safe.
 */
public final class Iperf3JsonParser {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int QUOTE_CHARS = 80;

    private Iperf3JsonParser() {
    }

    /**
     * The receiver's throughput over the test, after the omitted seconds, in bits per second:
     * {@code end.sum_received.bits_per_second}.
     *
     * @throws ParseException if the text is not JSON, iperf3 reported an {@code error} (quoted in
     *     the message), or the field is missing, not a number, negative or not finite
     */
    public static double receivedBitsPerSecond(String json) {
        JsonNode root = read(json);
        JsonNode error = root.path("error");
        if (error.isTextual()) {
            throw new ParseException("iperf3 reported an error: \"" + error.asText() + "\"");
        }
        JsonNode value = root.path("end").path("sum_received").path("bits_per_second");
        if (!value.isNumber()) {
            throw new ParseException("iperf3 JSON without a number at end.sum_received.bits_per_second: " + quote(json));
        }
        double bitsPerSecond = value.doubleValue();
        if (!Double.isFinite(bitsPerSecond) || bitsPerSecond < 0) {
            throw new ParseException("iperf3 end.sum_received.bits_per_second is " + value + ", not a rate >= 0");
        }
        return bitsPerSecond;
    }

    private static JsonNode read(String json) {
        try {
            JsonNode root = MAPPER.readTree(json);
            if (root == null || !root.isObject()) {
                throw new ParseException("iperf3 output is not a JSON object: " + quote(json));
            }
            return root;
        } catch (JacksonException e) {
            throw new ParseException("iperf3 output is not JSON (" + e.getOriginalMessage() + "): " + quote(json));
        }
    }

    private static String quote(String text) {
        String stripped = text.strip();
        return "\"" + (stripped.length() > QUOTE_CHARS ? stripped.substring(0, QUOTE_CHARS) + "..." : stripped) + "\"";
    }
}
