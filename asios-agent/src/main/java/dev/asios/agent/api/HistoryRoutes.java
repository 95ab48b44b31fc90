package dev.asios.agent.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.asios.agent.http.HttpApiServer;
import dev.asios.agent.http.HttpStatusException;
import dev.asios.agent.http.Request;
import dev.asios.agent.http.Response;
import dev.asios.agent.store.HistogramHistory;
import dev.asios.agent.store.HistogramStep;
import dev.asios.agent.store.History;
import dev.asios.agent.store.Point;
import dev.asios.agent.store.Rate;
import dev.asios.agent.store.RecordedRound;
import dev.asios.agent.store.SampleStore;
import dev.asios.agent.store.SeriesInfo;
import dev.asios.observe.metric.MetricKind;
import dev.asios.observe.metric.MetricRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The recorded history from the sample store: {@code /api/v1/series} lists what is recorded,
 * {@code /api/v1/history} gives one series over a window (raw rounds for the last hour, minute
 * rows beyond), with per-second rates for counters and per-step bucket counts for histograms;
 * {@code /api/v1/rounds} gives whole recorded rounds of several families in the shape of
 * {@code /api/v1/metrics}, so a client that polls the current values can first replay the
 * minutes before it started through the same code.
 */
final class HistoryRoutes {

    private static final long DAY_MS = 86_400_000L;
    private static final long ROUNDS_WINDOW_MS = 300_000L;
    private static final long ROUNDS_DEFAULT_MAX = 300;

    private final SampleStore store;
    private final MetricRegistry registry;
    private final ObjectMapper mapper;
    private final MetricsJson metricsJson;

    HistoryRoutes(SampleStore store, MetricRegistry registry, ObjectMapper mapper, MetricsJson metricsJson) {
        this.store = store;
        this.registry = registry;
        this.mapper = mapper;
        this.metricsJson = metricsJson;
    }

    void install(HttpApiServer server) {
        server.route(ApiRoutes.PREFIX + "/series", this::series);
        server.route(ApiRoutes.PREFIX + "/history", this::history);
        server.route(ApiRoutes.PREFIX + "/rounds", this::rounds);
    }

    private Response rounds(Request request) {
        request.allowOnly(Set.of("name", "match", "from", "to", "max"));
        List<String> families = new ArrayList<>();
        for (String name : request.required("name").split(",")) {
            families.add(ApiRoutes.find(registry, name.strip()).name());
        }
        Map<String, String> match = ApiRoutes.match(request);
        long[] window = window(request, ROUNDS_WINDOW_MS);
        int max = (int) request.longParameter("max", ROUNDS_DEFAULT_MAX, 1, SampleStore.MAX_POINTS);
        List<RecordedRound> rounds = store.rounds(families, match, window[0], window[1], max);
        ObjectNode root = mapper.createObjectNode().put("from", window[0]).put("to", window[1]);
        root.set("rounds", metricsJson.rounds(rounds));
        return ApiRoutes.json(mapper, root);
    }

    /** The query's {@code [from, to]} in epoch ms, {@code to} now and {@code from} {@code defaultSpanMs} before it by default. */
    private static long[] window(Request request, long defaultSpanMs) {
        long to = request.longParameter("to", System.currentTimeMillis(), 0, Long.MAX_VALUE / 2);
        long from = request.longParameter("from", to - defaultSpanMs, 0, Long.MAX_VALUE / 2);
        if (from >= to) {
            throw HttpStatusException.badRequest("query parameter 'from' (" + from + ") must be before 'to' (" + to + "), both in epoch milliseconds");
        }
        if (to - from > 31 * DAY_MS) {
            throw HttpStatusException.badRequest("the window from..to spans more than 31 days; the store keeps minute rows for 7 days by default");
        }
        return new long[] {from, to};
    }

    private Response series(Request request) {
        request.allowOnly(Set.of("name", "match"));
        Map<String, String> match = ApiRoutes.match(request);
        ObjectNode root = mapper.createObjectNode();
        ArrayNode list = root.putArray("series");
        for (SeriesInfo info : store.listSeries(request.parameter("name").filter(n -> !n.isBlank()), match)) {
            list.add(info(info));
        }
        return ApiRoutes.json(mapper, root);
    }

    private Response history(Request request) {
        request.allowOnly(Set.of("series", "from", "to", "points"));
        String key = request.required("series");
        long[] window = window(request, 600_000L);
        long from = window[0];
        long to = window[1];
        int points = (int) request.longParameter("points", 600, 1, SampleStore.MAX_POINTS);
        Optional<SeriesInfo> info = store.listSeries(Optional.empty(), Map.of()).stream().filter(s -> s.key().equals(key)).findFirst();
        if (info.isEmpty()) {
            throw HttpStatusException.notFound("no recorded series '" + key + "'; GET " + ApiRoutes.PREFIX + "/series lists them");
        }
        ObjectNode root = mapper.createObjectNode();
        root.set("series", info(info.get()));
        root.put("from", from).put("to", to);
        if (info.get().kind() == MetricKind.HISTOGRAM) {
            store.histogramHistory(key, from, to, points).ifPresent(h -> histogram(root, h));
        } else {
            store.history(key, from, to, points).ifPresent(h -> scalar(root, h));
        }
        return ApiRoutes.json(mapper, root);
    }

    private void scalar(ObjectNode root, History history) {
        root.put("resolution", history.resolution().name().toLowerCase(Locale.ROOT));
        ArrayNode points = root.putArray("points");
        for (Point p : history.points()) {
            points.addObject().put("t", p.tsMs()).put("value", p.value()).put("min", p.min()).put("max", p.max());
        }
        if (history.series().kind() == MetricKind.COUNTER) {
            ArrayNode rates = root.putArray("rates");
            for (Rate r : history.rates()) {
                rates.addObject().put("t", r.tsMs()).put("perSecond", r.perSecond());
            }
        }
    }

    private void histogram(ObjectNode root, HistogramHistory history) {
        root.put("resolution", history.resolution().name().toLowerCase(Locale.ROOT));
        ArrayNode steps = root.putArray("steps");
        for (HistogramStep step : history.steps()) {
            ObjectNode node = steps.addObject().put("from", step.fromMs()).put("to", step.toMs()).put("sum", step.sum());
            step.counts().forEach(node.putArray("counts")::add);
        }
    }

    private ObjectNode info(SeriesInfo info) {
        ObjectNode node = mapper.createObjectNode().put("key", info.key()).put("name", info.family())
                .put("kind", info.kind().name().toLowerCase(Locale.ROOT)).put("unit", info.unit().orElse(null));
        ObjectNode labels = node.putObject("labels");
        info.labels().forEach(labels::put);
        if (!info.upperBounds().isEmpty()) {
            ArrayNode bounds = node.putArray("upperBounds");
            info.upperBounds().forEach(b -> {
                if (Double.isInfinite(b)) {
                    bounds.add("+Inf");
                } else {
                    bounds.add(b);
                }
            });
        }
        return node;
    }
}
