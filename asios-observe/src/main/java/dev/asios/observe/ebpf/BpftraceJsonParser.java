package dev.asios.observe.ebpf;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.asios.host.parse.ParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses the lines of {@code bpftrace -f json}, in the shapes of bpftrace 0.17 to the newest:
 *
 * <pre>
 * {"type": "attached_probes", "data": {"probes": 13}}        0.17 .. 0.22
 * {"type":"attached_probes", "count":13}                     newer
 * {"type": "lost_events", "data": {"events": 5}}             0.17 .. 0.22
 * {"type":"lost_events", "count":5}                          newer
 * {"type": "map", "data": {"@faults": {"4924": 7, "12190": 80}}}
 * {"type": "map", "data": {"@total": 42}}                    unkeyed
 * {"type": "hist", "data": {"@runq_us": {"1": [{"min": 1, "max": 1, "count": 4}, ...]}}}
 * {"type": "hist", "data": {"@sizes": [{"max": -1, "count": 1}, {"min": 0, "max": 0, "count": 3}]}}
 * {"type": "stats", "data": {"@s": {"count": 2, "average": 5, "total": 10}}}
 * {"type": "printf", "data": "hello\n"}
 * {"type": "helper_error", "helper": "map_update_elem", "retcode": -7, "line": 3, "col": 5}
 * </pre>
 *
 * Newer versions print integers that a double cannot hold as strings; both forms are read.
 * Pure and thread-safe; allocates per line.
 */
public final class BpftraceJsonParser {

    private static final ObjectMapper JSON = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
    private static final Set<String> TEXT_TYPES = Set.of("printf", "time", "cat", "join", "syscall", "value");
    private static final Set<String> ERROR_TYPES = Set.of("helper_error", "runtime_error", "print_error");
    private static final int QUOTED_CHARS = 120;

    private BpftraceJsonParser() {
    }

    /**
     * Parses one line.
     *
     * @throws ParseException if the line is not JSON, has no {@code type}, or a known type has
     *     another shape than bpftrace prints (a map of non-integers, a bucket without a count);
     *     the message quotes the start of the line
     */
    public static BpftraceMessage parse(String line) {
        JsonNode root;
        try {
            root = JSON.readTree(line);
        } catch (JacksonException e) {
            throw new ParseException("not a JSON line from bpftrace: '" + quote(line) + "'");
        }
        if (root == null || !root.isObject() || !root.path("type").isTextual()) {
            throw new ParseException("bpftrace line without a \"type\": '" + quote(line) + "'");
        }
        String type = root.get("type").asText();
        try {
            return message(type, root);
        } catch (ParseException e) {
            throw new ParseException(e.getMessage() + " in '" + quote(line) + "'");
        }
    }

    private static BpftraceMessage message(String type, JsonNode root) {
        JsonNode data = root.path("data");
        return switch (type) {
            case "attached_probes" -> new BpftraceMessage.AttachedProbes(countOf(root, "probes"));
            case "lost_events" -> new BpftraceMessage.LostEvents(countOf(root, "events"));
            case "map" -> mapValues(data);
            case "hist" -> histograms(data);
            case "stats" -> stats(data);
            default -> {
                if (TEXT_TYPES.contains(type)) {
                    yield new BpftraceMessage.Text(type, data.isTextual() ? data.asText() : data.toString());
                }
                if (ERROR_TYPES.contains(type)) {
                    yield new BpftraceMessage.RuntimeError(type, errorText(root));
                }
                yield new BpftraceMessage.Other(type);
            }
        };
    }

    // 0.17: {"data": {"probes": 3}}; newer: {"count": 3}
    private static long countOf(JsonNode root, String oldField) {
        JsonNode count = root.has("count") ? root.get("count") : root.path("data").path(oldField);
        long value = integer(count, oldField);
        if (value < 0) {
            throw new ParseException("negative " + oldField + " count " + value);
        }
        return value;
    }

    private static BpftraceMessage.MapValues mapValues(JsonNode data) {
        Map.Entry<String, JsonNode> map = onlyMap(data);
        Map<String, Long> values = new LinkedHashMap<>();
        if (map.getValue().isObject()) {
            for (Map.Entry<String, JsonNode> entry : map.getValue().properties()) {
                values.put(entry.getKey(), integer(entry.getValue(), map.getKey() + "[" + entry.getKey() + "]"));
            }
        } else {
            values.put(BpftraceMessage.NO_KEY, integer(map.getValue(), map.getKey()));
        }
        return new BpftraceMessage.MapValues(map.getKey(), values);
    }

    private static BpftraceMessage.Histograms histograms(JsonNode data) {
        Map.Entry<String, JsonNode> map = onlyMap(data);
        Map<String, List<HistogramBucket>> histograms = new LinkedHashMap<>();
        if (map.getValue().isArray()) {
            histograms.put(BpftraceMessage.NO_KEY, buckets(map.getValue(), map.getKey()));
        } else if (map.getValue().isObject()) {
            for (Map.Entry<String, JsonNode> entry : map.getValue().properties()) {
                histograms.put(entry.getKey(), buckets(entry.getValue(), map.getKey() + "[" + entry.getKey() + "]"));
            }
        } else {
            throw new ParseException("histogram " + map.getKey() + " is neither a list of buckets nor a map of them");
        }
        return new BpftraceMessage.Histograms(map.getKey(), histograms);
    }

    private static List<HistogramBucket> buckets(JsonNode list, String what) {
        if (!list.isArray()) {
            throw new ParseException("histogram " + what + " is not a list of buckets");
        }
        List<HistogramBucket> buckets = new ArrayList<>(list.size());
        for (JsonNode bucket : list) {
            if (!bucket.isObject() || !bucket.has("count")) {
                throw new ParseException("histogram " + what + " has a bucket without a count");
            }
            long min = bucket.has("min") ? integer(bucket.get("min"), what + " min") : HistogramBucket.NO_MIN;
            long max = bucket.has("max") ? integer(bucket.get("max"), what + " max") : HistogramBucket.NO_MAX;
            buckets.add(new HistogramBucket(min, max, integer(bucket.get("count"), what + " count")));
        }
        return List.copyOf(buckets);
    }

    private static BpftraceMessage.Stats stats(JsonNode data) {
        Map.Entry<String, JsonNode> map = onlyMap(data);
        Map<String, BpftraceMessage.StatsValue> stats = new LinkedHashMap<>();
        JsonNode value = map.getValue();
        if (value.isObject() && value.path("count").isValueNode()) {
            stats.put(BpftraceMessage.NO_KEY, statsValue(value, map.getKey()));
        } else if (value.isObject()) {
            for (Map.Entry<String, JsonNode> entry : value.properties()) {
                stats.put(entry.getKey(), statsValue(entry.getValue(), map.getKey() + "[" + entry.getKey() + "]"));
            }
        } else {
            throw new ParseException("stats " + map.getKey() + " is not an object");
        }
        return new BpftraceMessage.Stats(map.getKey(), stats);
    }

    private static BpftraceMessage.StatsValue statsValue(JsonNode value, String what) {
        return new BpftraceMessage.StatsValue(integer(value.path("count"), what + " count"), integer(value.path("average"), what + " average"),
                integer(value.path("total"), what + " total"));
    }

    private static Map.Entry<String, JsonNode> onlyMap(JsonNode data) {
        if (!data.isObject() || data.size() != 1) {
            throw new ParseException("expected one map in \"data\", found " + (data.isObject() ? data.size() + " fields" : data.getNodeType()));
        }
        return data.properties().iterator().next();
    }

    private static long integer(JsonNode node, String what) {
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.asLong();
        }
        if (node.isTextual()) {
            try {
                return Long.parseLong(node.asText());
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new ParseException(what + " is not an integer: " + quote(node.toString()));
    }

    // 0.17: {"type": "helper_error", "helper": "map_update_elem", "retcode": -7, ...}; newer adds "msg"
    private static String errorText(JsonNode root) {
        String message = root.path("msg").asText("");
        if (message.isEmpty() && root.has("helper")) {
            message = "helper " + root.path("helper").asText() + " returned " + root.path("retcode").asText();
        }
        if (root.has("line")) {
            message += " (script line " + root.path("line").asText() + ")";
        }
        return message.isEmpty() ? root.path("type").asText() : message;
    }

    private static String quote(String text) {
        return text.length() <= QUOTED_CHARS ? text : text.substring(0, QUOTED_CHARS) + "...";
    }
}
