package dev.asios.agent.health;

import dev.asios.agent.store.History;
import dev.asios.agent.store.Point;
import dev.asios.agent.store.SampleStore;
import dev.asios.health.forecast.ForecastSettings;
import dev.asios.health.forecast.ForecastTarget;
import dev.asios.health.forecast.ForecastWatch;
import dev.asios.health.forecast.TimedValues;
import dev.asios.observe.metric.MetricFamily;
import dev.asios.observe.metric.MetricRegistry;
import dev.asios.observe.metric.Series;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * What the agent forecasts, and feeding it: the anonymous memory of each NUMA node against the
 * node's memory, each run's memory against its cgroup limit, and each GPU's memory against its
 * total. A target appears with its series; its forecaster is built from the store's last six
 * hours of that series on a thread of its own (seconds of CPU), and fed every round once built. A
 * target whose series went away is dropped. Rounds are handled by one thread; the watch's reads
 * are thread-safe.
 */
final class ForecastTargets implements AutoCloseable {

    private static final long HISTORY_MS = 6 * 3_600_000L;

    /** A forecast quantity: the family of its values, the family of its limit (same labels), and how it is named. */
    private record Kind(String valueFamily, String limitFamily, String idPrefix, String labelPrefix) {
    }

    private static final List<Kind> KINDS = List.of(
            new Kind("asios_node_memory_anon_bytes", "asios_node_memory_total_bytes", "node-memory/", "node "),
            new Kind("asios_run_memory_bytes", "asios_run_memory_limit_bytes", "run-memory/", "run "),
            new Kind("asios_gpu_memory_used_bytes", "asios_gpu_memory_total_bytes", "gpu-memory/", "GPU "));

    private final MetricRegistry registry;
    private final SampleStore store;
    private final ForecastWatch watch = new ForecastWatch();
    private final Set<String> ready = ConcurrentHashMap.newKeySet();
    private final Set<String> starting = ConcurrentHashMap.newKeySet();
    private volatile String lastStartFailure = "";
    private final ExecutorService starter = Executors.newSingleThreadExecutor(task -> Thread.ofPlatform().name("asios-forecast-start").daemon().unstarted(task));

    ForecastTargets(MetricRegistry registry, SampleStore store) {
        this.registry = registry;
        this.store = store;
    }

    /** The forecasts and their findings. */
    ForecastWatch watch() {
        return watch;
    }

    /** Targets still being built from history. */
    int starting() {
        return starting.size();
    }

    /** Why the latest target could not be built from its history; empty when none failed. */
    String lastStartFailure() {
        return lastStartFailure;
    }

    /** Feeds the round's values; starts targets that appeared, drops those that went away. */
    void observe(long epochMs) {
        Map<String, double[]> seen = new HashMap<>();
        for (Kind kind : KINDS) {
            Optional<MetricFamily> values = registry.family(kind.valueFamily());
            if (values.isEmpty()) {
                continue;
            }
            Map<List<String>, Double> limits = new HashMap<>();
            registry.family(kind.limitFamily()).ifPresent(f -> f.allSeries().forEach(s -> limits.put(s.labelValues(), s.value())));
            for (Series series : values.get().allSeries()) {
                String entity = String.join(",", series.labelValues());
                String id = kind.idPrefix() + entity;
                double limit = limits.getOrDefault(series.labelValues(), Double.NaN);
                seen.put(id, new double[] {series.value(), limit});
                if (!ready.contains(id) && starting.add(id)) {
                    ForecastTarget target = ForecastTarget.capacity(id, kind.labelPrefix() + entity + " memory", "bytes", ForecastSettings.defaults());
                    starter.execute(() -> start(target, series.key(), limit, epochMs));
                }
            }
        }
        for (String id : ready) {
            double[] now = seen.get(id);
            if (now == null) {
                watch.remove(id);
                ready.remove(id);
            } else {
                watch.observe(id, epochMs, now[0], now[1]);
            }
        }
    }

    private void start(ForecastTarget target, String seriesKey, double limit, long nowMs) {
        try {
            watch.register(target, history(seriesKey, nowMs), limit);
            ready.add(target.id());
        } catch (RuntimeException e) {
            lastStartFailure = target.id() + ": " + e.getMessage(); // tried again at its next sighting
        } finally {
            starting.remove(target.id());
        }
    }

    private TimedValues history(String seriesKey, long nowMs) {
        Optional<History> history = store.history(seriesKey, Math.max(0, nowMs - HISTORY_MS), nowMs, SampleStore.MAX_POINTS);
        if (history.isEmpty() || history.get().points().isEmpty()) {
            return TimedValues.empty();
        }
        List<Point> points = history.get().points();
        long[] times = new long[points.size()];
        double[] values = new double[points.size()];
        int n = 0;
        for (Point p : points) {
            if ((n == 0 || p.tsMs() > times[n - 1]) && Double.isFinite(p.value())) {
                times[n] = p.tsMs();
                values[n++] = p.value();
            }
        }
        return new TimedValues(java.util.Arrays.copyOf(times, n), java.util.Arrays.copyOf(values, n));
    }

    @Override
    public void close() {
        starter.shutdownNow();
    }
}
