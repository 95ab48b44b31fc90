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
import dev.asios.agent.store.SampleStore;
import dev.asios.agent.store.SeriesInfo;
import dev.asios.observe.metric.MetricKind;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The recorded history from the sample store: {@code /api/v1/series} lists what is recorded,
 * {@code /api/v1/history} gives one series over a window (raw rounds for the last hour, minute
 * rows beyond), with per-second rates for counters and per-step bucket counts for histograms.
 */
final class HistoryRoutes {

    private static final long DAY_MS = 86_400_000L;

    private final SampleStore store;
    private final ObjectMapper mapper;

    HistoryRoutes(SampleStore store, ObjectMapper mapper) {
        this.store = store;
        this.mapper = mapper;
    }

    void install(HttpApiServer server) {
        server.route(ApiRoutes.PREFIX + "/series", this::series);
        server.route(ApiRoutes.PREFIX + "/history", this::history);
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
        long now = System.currentTimeMillis();
        long to = request.longParameter("to", now, 0, Long.MAX_VALUE / 2);
        long from = request.longParameter("from", to - 600_000L, 0, Long.MAX_VALUE / 2);
        if (from >= to) {
            throw HttpStatusException.badRequest("query parameter 'from' (" + from + ") must be before 'to' (" + to + "), both in epoch milliseconds");
        }
        if (to - from > 31 * DAY_MS) {
            throw HttpStatusException.badRequest("the window from..to spans more than 31 days; the store keeps minute rows for 7 days by default");
        }
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
