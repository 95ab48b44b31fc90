package dev.asios.run.place;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.asios.host.parse.ParseException;
import dev.asios.host.pci.PciAddress;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.TreeMap;

/**
 * The GPUs the agent marked unhealthy (uncorrectable ECC errors, XID events), kept in
 * {@value #FILE} in the state folder; {@code asios run} places no run on them. The agent writes
 * the file through the tuning executor, so each mark is journaled and {@code asios tune rollback}
 * takes it away; an operator may also delete an entry once the GPU is fixed. Immutable.
 *
 * <p>The file: {@code {"gpus": [{"address": "0000:3b:00.0", "since": "2026-11-25T13:00:00Z",
 * "by": "asios-heal", "reason": "2 uncorrectable ECC errors"}]}}.
 *
 * @param marks the marks by GPU
 */
public record UnhealthyGpus(Map<PciAddress, Mark> marks) {

    /** The file's name in the state folder. */
    public static final String FILE = "unhealthy-gpus.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * Why a GPU is marked.
     *
     * @param since when it was marked
     * @param by who marked it: {@code asios-heal}, {@code operator}
     * @param reason the evidence, in words
     */
    public record Mark(Instant since, String by, String reason) {

        /** "since 2026-11-25T13:00:00Z (asios-heal): 2 uncorrectable ECC errors". */
        public String describe() {
            return "since " + since + " (" + by + "): " + reason;
        }
    }

    /** Copies the marks, in address order. */
    public UnhealthyGpus {
        marks = java.util.Collections.unmodifiableMap(new TreeMap<>(marks));
    }

    /** No GPU marked. */
    public static UnhealthyGpus none() {
        return new UnhealthyGpus(Map.of());
    }

    /**
     * Parses the file's text.
     *
     * @param source the file's name, for the errors
     * @throws ParseException if the text is not JSON of the documented shape
     */
    public static UnhealthyGpus parse(String text, String source) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ParseException(source + ": not JSON (" + e.getOriginalMessage() + "); fix or delete the file");
        }
        if (root == null || !root.path("gpus").isArray()) {
            throw new ParseException(source + ": expected an object with a \"gpus\" array; fix or delete the file");
        }
        Map<PciAddress, Mark> marks = new TreeMap<>();
        int index = 0;
        for (JsonNode gpu : root.path("gpus")) {
            String where = source + ": gpus[" + index++ + "]";
            PciAddress address = PciAddress.find(text(gpu, "address", where))
                    .orElseThrow(() -> new ParseException(where + ".address is not a PCI address like 0000:3b:00.0"));
            Instant since;
            try {
                since = Instant.parse(text(gpu, "since", where));
            } catch (DateTimeParseException e) {
                throw new ParseException(where + ".since is not a UTC time like 2026-11-25T13:00:00Z");
            }
            marks.put(address, new Mark(since, text(gpu, "by", where), text(gpu, "reason", where)));
        }
        return new UnhealthyGpus(marks);
    }

    private static String text(JsonNode gpu, String field, String where) {
        JsonNode value = gpu.path(field);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new ParseException(where + "." + field + " must be a non-empty string");
        }
        return value.asText();
    }

    /** These marks and {@code gpu} marked as well (replacing an older mark of it). */
    public UnhealthyGpus with(PciAddress gpu, Mark mark) {
        Map<PciAddress, Mark> all = new TreeMap<>(marks);
        all.put(gpu, mark);
        return new UnhealthyGpus(all);
    }

    /** Whether {@code gpu} is marked. */
    public boolean marked(PciAddress gpu) {
        return marks.containsKey(gpu);
    }

    /** The file's text, as {@link #parse} reads it. */
    public String render() {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode gpus = root.putArray("gpus");
        marks.forEach((address, mark) -> gpus.addObject().put("address", address.toString()).put("since", mark.since().toString())
                .put("by", mark.by()).put("reason", mark.reason()));
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings always renders", e);
        }
    }
}
