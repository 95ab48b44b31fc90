package dev.asios.run.launch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.asios.run.place.NumaPolicy;
import dev.asios.run.place.PlacementRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The JSON form of a {@link RunRequest}, as the run store keeps it for a run that may be
 * restarted ({@code RestartInfo.request}). Absent optional values are left out. Stateless and
 * thread-safe.
 */
public final class RunRequestJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RunRequestJson() {
    }

    /** {@code request} as one line of JSON. */
    public static String write(RunRequest request) {
        ObjectNode node = JSON.createObjectNode().put("restart", request.restart().wireName());
        request.checkpointCommand().ifPresent(c -> node.put("checkpointCommand", c));
        request.command().forEach(node.putArray("command")::add);
        node.put("workingDirectory", request.workingDirectory());
        ObjectNode env = node.putObject("environment");
        new java.util.TreeMap<>(request.environment()).forEach(env::put);
        PlacementRequest p = request.placement();
        ObjectNode placement = node.putObject("placement").put("gpuCount", p.gpuCount());
        p.gpus().forEach(placement.putArray("gpus")::add);
        put(placement, "cpusPerGpu", p.cpusPerGpu());
        put(placement, "cpus", p.cpus());
        p.memoryBytes().ifPresent(m -> placement.put("memoryBytes", m));
        placement.put("isolated", p.isolated()).put("hugepages", p.hugepages()).put("hugepageSizeKib", p.hugepageSizeKib())
                .put("rdmaNic", p.rdmaNic()).put("numaPolicy", p.numaPolicy().name().toLowerCase(Locale.ROOT));
        node.put("hugepages", request.hugepages().name().toLowerCase(Locale.ROOT));
        put(node, "cpuWeight", request.cpuWeight());
        put(node, "ioWeight", request.ioWeight());
        put(node, "pidsMax", request.pidsMax());
        put(node, "realtimePriority", request.realtimePriority());
        node.put("mlock", request.mlock());
        return node.toString();
    }

    /**
     * The request {@code text} holds.
     *
     * @throws IOException if it is not JSON, or a field is missing or out of place (the message names it)
     */
    public static RunRequest parse(String text) throws IOException {
        JsonNode node = JSON.readTree(text);
        if (node == null || !node.isObject()) {
            throw new IOException("a run request is a JSON object, given " + abbreviated(text));
        }
        try {
            JsonNode p = node.path("placement");
            PlacementRequest placement = new PlacementRequest(p.path("gpuCount").asInt(), strings(p.path("gpus")), optionalInt(p, "cpusPerGpu"),
                    optionalInt(p, "cpus"), p.hasNonNull("memoryBytes") ? OptionalLong.of(p.get("memoryBytes").asLong()) : OptionalLong.empty(),
                    p.path("isolated").asBoolean(), p.path("hugepages").asLong(), p.path("hugepageSizeKib").asLong(PlacementRequest.DEFAULT_HUGEPAGE_SIZE_KIB),
                    p.path("rdmaNic").asBoolean(), NumaPolicy.valueOf(required(p, "numaPolicy").toUpperCase(Locale.ROOT)));
            Map<String, String> env = new LinkedHashMap<>();
            node.path("environment").properties().forEach(e -> env.put(e.getKey(), e.getValue().asText()));
            String restart = required(node, "restart");
            return new RunRequest(strings(node.path("command")), env, required(node, "workingDirectory"), placement,
                    HugepageMode.valueOf(required(node, "hugepages").toUpperCase(Locale.ROOT)), optionalInt(node, "cpuWeight"), optionalInt(node, "ioWeight"),
                    optionalInt(node, "pidsMax"), optionalInt(node, "realtimePriority"), node.path("mlock").asBoolean(),
                    RestartPolicy.fromWireName(restart).orElseThrow(() -> new IOException("restart '" + restart + "': expected " + RestartPolicy.names())),
                    node.hasNonNull("checkpointCommand") ? Optional.of(node.get("checkpointCommand").asText()) : Optional.empty());
        } catch (IllegalArgumentException e) {
            throw new IOException("a stored run request is damaged: " + e.getMessage(), e);
        }
    }

    private static String required(JsonNode node, String field) throws IOException {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IOException("a stored run request lacks the text field '" + field + "'");
        }
        return value.asText();
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static OptionalInt optionalInt(JsonNode node, String field) {
        return node.hasNonNull(field) ? OptionalInt.of(node.get(field).asInt()) : OptionalInt.empty();
    }

    private static void put(ObjectNode node, String field, OptionalInt value) {
        value.ifPresent(v -> node.put(field, v));
    }

    private static String abbreviated(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }
}
