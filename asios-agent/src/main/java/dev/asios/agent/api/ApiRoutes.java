package dev.asios.agent.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.asios.agent.http.HttpApiServer;
import dev.asios.agent.http.HttpStatusException;
import dev.asios.agent.http.Request;
import dev.asios.agent.http.Response;
import dev.asios.agent.json.InspectJson;
import dev.asios.agent.json.RunRecordJson;
import dev.asios.agent.json.TuneStatusJson;
import dev.asios.agent.store.StoreStats;
import dev.asios.observe.collect.CollectorStatus;
import dev.asios.observe.ebpf.ProbeStatus;
import dev.asios.observe.metric.MetricFamily;
import dev.asios.observe.metric.MetricRegistry;
import dev.asios.observe.metric.PrometheusExposition;
import dev.asios.run.store.RunRecord;
import dev.asios.run.store.RunStore;
import dev.asios.tune.apply.TuneStatus;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The read-only endpoints of the agent: {@code /metrics} for Prometheus and the versioned JSON
 * API under {@code /api/v1}. Every JSON answer is an object; errors are the server's JSON
 * errors. The endpoint list is served at {@code /api/v1}.
 */
public final class ApiRoutes {

    /** The API's version, the {@code v1} in its paths. */
    public static final String PREFIX = "/api/v1";

    private static final Map<String, String> ENDPOINTS = endpoints();

    private final ApiContext context;
    private final ObjectMapper mapper;
    private final PrometheusExposition exposition;
    private final MetricsJson metricsJson;

    /** Routes over {@code context}. */
    public ApiRoutes(ApiContext context) {
        this.context = context;
        this.mapper = new InspectJson().mapper();
        this.exposition = new PrometheusExposition(context.registry());
        this.metricsJson = new MetricsJson(mapper);
    }

    private static Map<String, String> endpoints() {
        Map<String, String> list = new LinkedHashMap<>();
        list.put("/metrics", "Prometheus text format; OpenMetrics with Accept: application/openmetrics-text");
        list.put(PREFIX + "/health", "agent status, collectors and probes");
        list.put(PREFIX + "/host", "host inventory, as asios inspect --json");
        list.put(PREFIX + "/findings", "what on this host hurts AI work, with evidence and fix");
        list.put(PREFIX + "/metrics", "current values; ?name=FAMILY[,FAMILY...]&match=label=value[,label=value...]");
        list.put(PREFIX + "/tuning", "active profiles and drift per setting");
        list.put(PREFIX + "/runs", "recorded runs, newest first; ?limit=N");
        list.put(PREFIX + "/probes", "collectors and eBPF probes: state, errors, reasons");
        list.put(PREFIX + "/series", "recorded series; ?name=FAMILY&match=label=value");
        list.put(PREFIX + "/history", "one recorded series over a window (default the last 10 minutes); ?series=KEY&from=MS&to=MS&points=N");
        list.put(PREFIX + "/rounds", "recorded rounds of families, shaped as /api/v1/metrics (default the last 5 minutes); "
                + "?name=FAMILY[,FAMILY...]&match=label=value&from=MS&to=MS&max=N");
        list.put(PREFIX + "/events", "the audit log: findings, anomalies, remediations; ?since=MS&until=MS&type=T[,T...]&subject=PREFIX&after=SEQ&limit=N&order=newest|oldest");
        list.put(PREFIX + "/anomalies", "the learned detectors: ongoing and recent anomalies, each detector's state");
        list.put(PREFIX + "/heal", "the heal policy in force and the active known-cause findings");
        list.put(PREFIX + "/forecasts", "memory exhaustion forecasts per NUMA node, run and GPU, with their 80% band");
        return list;
    }

    /** Adds every route to {@code server}. */
    public void install(HttpApiServer server) {
        server.route("/metrics", this::prometheus);
        server.route(PREFIX, request -> json(request, index()));
        server.route(PREFIX + "/health", request -> json(request, health()));
        server.route(PREFIX + "/host", request -> json(request, host()));
        server.route(PREFIX + "/findings", request -> json(request, findings()));
        server.route(PREFIX + "/metrics", this::metrics);
        server.route(PREFIX + "/tuning", request -> json(request, tuning()));
        server.route(PREFIX + "/runs", this::runs);
        server.route(PREFIX + "/probes", request -> json(request, probes()));
        new HistoryRoutes(context.store(), context.registry(), mapper, metricsJson).install(server);
    }

    private Response prometheus(Request request) {
        request.allowOnly(Set.of());
        PrometheusExposition.Format format = PrometheusExposition.Format.forAccept(request.accept().orElse(null));
        return new Response(200, format.contentType(), out -> exposition.write(out, format));
    }

    private Response json(Request request, ObjectNode body) {
        request.allowOnly(Set.of());
        return jsonResponse(body);
    }

    private Response jsonResponse(ObjectNode body) {
        return json(mapper, body);
    }

    /** A 200 answer of {@code body} as JSON. */
    public static Response json(ObjectMapper mapper, ObjectNode body) {
        return new Response(200, "application/json", out -> mapper.writeValue(out, body));
    }

    private ObjectNode index() {
        ObjectNode root = mapper.createObjectNode().put("version", context.version());
        ObjectNode list = root.putObject("endpoints");
        ENDPOINTS.forEach(list::put);
        return root;
    }

    private ObjectNode health() {
        ObjectNode root = mapper.createObjectNode();
        List<CollectorStatus> collectors = context.collectors().get();
        List<String> problems = collectors.stream()
                .filter(CollectorStatus::lastFailed)
                .map(c -> c.name() + ": " + c.lastError().orElse("failed"))
                .toList();
        root.put("status", problems.isEmpty() ? "ok" : "degraded");
        problems.forEach(root.putArray("problems")::add);
        root.put("version", context.version());
        root.put("hostname", hostname());
        root.put("startedAt", context.startedAt().toString());
        root.put("uptimeSeconds", Duration.between(context.startedAt(), Instant.now()).toSeconds());
        root.put("intervalMs", context.interval().toMillis());
        root.put("root", context.sysroot().root().toString());
        StoreStats store = context.store().stats();
        root.putObject("store").put("file", context.store().file().toString()).put("sizeBytes", store.fileBytes())
                .put("budgetBytes", store.budgetBytes()).put("roundsWritten", store.roundsWritten()).put("roundsSkipped", store.roundsSkipped());
        return root;
    }

    private String hostname() {
        return context.sysroot().readTrimmed("/proc/sys/kernel/hostname").orElse(null);
    }

    private ObjectNode host() {
        HostModel.Inspection inspection = context.host().current();
        return new InspectJson().render(inspection.host(), inspection.findings());
    }

    private ObjectNode findings() {
        ObjectNode root = mapper.createObjectNode();
        root.set("findings", new InspectJson().findings(context.host().current().findings()));
        return root;
    }

    private Response metrics(Request request) {
        request.allowOnly(Set.of("name", "match"));
        Map<String, String> match = match(request);
        ObjectNode root = mapper.createObjectNode().put("time", System.currentTimeMillis()).put("collectedAt", context.collectedAtMs().getAsLong());
        ArrayNode families = root.putArray("metrics");
        if (request.parameter("name").isPresent()) {
            for (String name : request.required("name").split(",")) {
                families.add(metricsJson.family(find(context.registry(), name.strip()), match));
            }
        } else {
            for (MetricFamily family : context.registry().families()) {
                families.add(metricsJson.family(family, match));
            }
        }
        return jsonResponse(root);
    }

    /** The family of {@code registry} exposed as {@code name} (or with that base name); a 404 if none. */
    static MetricFamily find(MetricRegistry registry, String name) {
        for (MetricFamily family : registry.families()) {
            if (family.exposedName().equals(name) || family.name().equals(name)) {
                return family;
            }
        }
        throw HttpStatusException.notFound("no metric named '" + name + "'; GET " + PREFIX + "/metrics lists them all");
    }

    static Map<String, String> match(Request request) {
        Map<String, String> match = new LinkedHashMap<>();
        String text = request.parameter("match").orElse("");
        for (String pair : text.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw HttpStatusException.badRequest("match '" + pair + "' is not label=value; for example match=cpu=0,mode=user");
            }
            match.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
        }
        return match;
    }

    private ObjectNode tuning() {
        return TuneStatusJson.render(TuneStatus.read(context.sysroot(), context.journalDir()), true);
    }

    private Response runs(Request request) throws Exception {
        request.allowOnly(Set.of("limit"));
        int limit = (int) request.longParameter("limit", 50, 1, 1000);
        ObjectNode root = mapper.createObjectNode();
        ArrayNode runs = root.putArray("runs");
        if (Files.exists(context.stateDir().resolve(RunStore.FILE))) {
            try (RunStore store = RunStore.open(context.stateDir())) {
                for (RunRecord run : store.list(limit)) {
                    runs.add(RunRecordJson.render(run));
                }
            }
        }
        return jsonResponse(root);
    }

    private ObjectNode probes() {
        ObjectNode root = mapper.createObjectNode();
        ArrayNode collectors = root.putArray("collectors");
        for (CollectorStatus status : context.collectors().get()) {
            ObjectNode node = collectors.addObject();
            node.put("name", status.name());
            boolean backingOff = status.backedOffUntil().isPresent();
            node.put("state", !status.availability().available() ? "unavailable" : backingOff ? "backing-off" : status.lastFailed() ? "failing" : "running");
            node.put("reason", !status.availability().available() ? status.availability().reason() : backingOff ? status.backoff() : null);
            node.put("failuresInARow", status.failuresInARow());
            node.put("backedOffUntil", status.backedOffUntil().map(Instant::toString).orElse(null));
            node.put("collections", status.collections());
            node.put("errors", status.errors());
            node.put("lastError", status.lastError().orElse(null));
            node.put("lastErrorAt", status.lastErrorAt().map(Instant::toString).orElse(null));
            node.put("lastDurationMs", status.lastDurationNanos() / 1e6);
        }
        ArrayNode probes = root.putArray("probes");
        for (ProbeStatus status : context.probes().get()) {
            ObjectNode node = probes.addObject();
            node.put("name", status.name());
            node.put("state", status.state().label());
            node.put("reason", status.reason().isEmpty() ? null : status.reason());
            node.put("restarts", status.restarts());
            node.put("lostEvents", status.lostEvents());
            if (status.pid().isPresent()) {
                node.put("pid", status.pid().getAsLong());
            } else {
                node.putNull("pid");
            }
            status.parts().forEach(node.putArray("parts")::add);
            ObjectNode unavailable = node.putObject("unavailableParts");
            status.unavailableParts().forEach(unavailable::put);
        }
        return root;
    }
}
