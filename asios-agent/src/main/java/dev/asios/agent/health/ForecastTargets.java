package dev.asios.agent.health;

import dev.asios.agent.store.History;
import dev.asios.agent.store.Point;
import dev.asios.agent.store.SampleStore;
import dev.asios.health.forecast.ForecastSettings;
import dev.asios.health.forecast.ForecastTarget;
import dev.asios.health.forecast.ForecastWatch;
import dev.asios.health.forecast.HeldBackAccuracy;
import dev.asios.health.forecast.LimitDirection;
import dev.asios.health.forecast.TimedValues;
import dev.asios.observe.metric.MetricFamily;
import dev.asios.observe.metric.MetricRegistry;
import dev.asios.observe.metric.Series;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * What the agent forecasts, and feeding it: the anonymous memory of each NUMA node against the
 * node's memory, each run's memory against its cgroup limit, each GPU's memory against its total,
 * the pages in use of each hugepage pool against the pool, the space used on each file system
 * (a checkpoint directory's among them) against its size, and each GPU's temperature against its
 * slowdown threshold. A target appears with its series (a pool or a file system of size 0 is not
 * one); its forecaster is built from the store's last six hours of that series on a thread of its
 * own (seconds of CPU), and fed every round once built. A target whose series went away is dropped.
 *
 * <p>Each target's accuracy is checked on its own recorded history ({@link HeldBackAccuracy}) when
 * it starts and again every hour, on the same thread.
 *
 * <p>Rounds are handled by one thread; the watch's and the accuracy reads are thread-safe.
 */
final class ForecastTargets implements AutoCloseable {

    private static final long HISTORY_MS = 6 * 3_600_000L;
    private static final long ACCURACY_EVERY_MS = 3_600_000L;

    /**
     * A forecast quantity: the family of its values, the family subtracted from it (empty: none),
     * the family of its limit (same labels), its id prefix, and its target built from id and label values.
     */
    private record Kind(String valueFamily, Optional<String> minusFamily, String limitFamily, String idPrefix,
            Function<List<String>, String> label, String unit, boolean temperature) {

        ForecastTarget target(String id, List<String> labels) {
            ForecastSettings settings = ForecastSettings.defaults();
            return temperature
                    ? new ForecastTarget(id, label.apply(labels), unit, LimitDirection.RISING, OptionalDouble.empty(), "reaches its slowdown temperature",
                            settings)
                    : ForecastTarget.capacity(id, label.apply(labels), unit, settings);
        }
    }

    private static final List<Kind> KINDS = List.of(
            new Kind("asios_node_memory_anon_bytes", Optional.empty(), "asios_node_memory_total_bytes", "node-memory/",
                    l -> "node " + l.getFirst() + " memory", "bytes", false),
            new Kind("asios_run_memory_bytes", Optional.empty(), "asios_run_memory_limit_bytes", "run-memory/", l -> "run " + l.getFirst() + " memory",
                    "bytes", false),
            new Kind("asios_gpu_memory_used_bytes", Optional.empty(), "asios_gpu_memory_total_bytes", "gpu-memory/", l -> "GPU " + l.getFirst() + " memory",
                    "bytes", false),
            new Kind("asios_hugepages_bytes", Optional.of("asios_hugepages_free_bytes"), "asios_hugepages_bytes", "hugepages/",
                    l -> "node " + l.getFirst() + " hugepage pool of " + Long.parseLong(l.get(1)) / 1024 + " kB pages", "bytes", false),
            new Kind("asios_filesystem_size_bytes", Optional.of("asios_filesystem_avail_bytes"), "asios_filesystem_size_bytes", "filesystem/",
                    l -> "file system " + l.getFirst(), "bytes", false),
            new Kind("asios_gpu_temperature_celsius", Optional.empty(), "asios_gpu_temperature_slowdown_celsius", "gpu-temperature/",
                    l -> "GPU " + l.getFirst() + " temperature", "celsius", true));

    /** Where a target's history is in the store: its value series, and the series subtracted from it (empty: none). */
    private record StoreKeys(String value, Optional<String> minus) {
    }

    private final MetricRegistry registry;
    private final SampleStore store;
    private final ForecastWatch watch = new ForecastWatch();
    private final Set<String> ready = ConcurrentHashMap.newKeySet();
    private final Set<String> starting = ConcurrentHashMap.newKeySet();
    private final Set<String> checking = ConcurrentHashMap.newKeySet();
    private final Map<String, HeldBackAccuracy> accuracy = new ConcurrentHashMap<>();
    private final Map<String, ForecastTarget> targets = new ConcurrentHashMap<>();
    private final Map<String, StoreKeys> storeKeys = new ConcurrentHashMap<>();
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

    /** The latest accuracy check of a target; empty before its first. */
    Optional<HeldBackAccuracy> accuracy(String targetId) {
        return Optional.ofNullable(accuracy.get(targetId));
    }

    /** Targets still being built from history. */
    int starting() {
        return starting.size();
    }

    /** Why the latest target could not be built from its history; empty when none failed. */
    String lastStartFailure() {
        return lastStartFailure;
    }

    /** Feeds the round's values; starts targets that appeared, drops those that went away, checks accuracy hourly. */
    void observe(long epochMs) {
        Map<String, double[]> seen = new HashMap<>();
        for (Kind kind : KINDS) {
            Optional<MetricFamily> values = registry.family(kind.valueFamily());
            if (values.isEmpty()) {
                continue;
            }
            Map<List<String>, Series> minus = byLabels(kind.minusFamily());
            Map<List<String>, Series> limits = byLabels(Optional.of(kind.limitFamily()));
            for (Series series : values.get().allSeries()) {
                Series subtracted = minus.get(series.labelValues());
                Series limitSeries = limits.get(series.labelValues());
                double limit = limitSeries == null ? Double.NaN : limitSeries.value();
                if (!kind.temperature() && !(limit > 0) || kind.minusFamily().isPresent() && subtracted == null) {
                    continue;
                }
                String id = kind.idPrefix() + String.join(",", series.labelValues());
                seen.put(id, new double[] {subtracted == null ? series.value() : series.value() - subtracted.value(), limit});
                if (!ready.contains(id) && starting.add(id)) {
                    ForecastTarget target = kind.target(id, series.labelValues());
                    StoreKeys keys = new StoreKeys(series.key(), Optional.ofNullable(subtracted).map(Series::key));
                    starter.execute(() -> start(target, keys, limit, epochMs));
                }
            }
        }
        for (String id : ready) {
            double[] now = seen.get(id);
            if (now == null) {
                watch.remove(id);
                ready.remove(id);
                accuracy.remove(id);
                targets.remove(id);
                storeKeys.remove(id);
            } else {
                watch.observe(id, epochMs, now[0], now[1]);
                recheckAccuracy(id, epochMs);
            }
        }
    }

    private Map<List<String>, Series> byLabels(Optional<String> familyName) {
        Map<List<String>, Series> series = new HashMap<>();
        familyName.flatMap(registry::family).ifPresent(f -> f.allSeries().forEach(one -> series.put(one.labelValues(), one)));
        return series;
    }

    private void recheckAccuracy(String id, long nowMs) {
        HeldBackAccuracy last = accuracy.get(id);
        ForecastTarget target = targets.get(id);
        if (last != null && target != null && nowMs - last.checkedAtMs() >= ACCURACY_EVERY_MS && checking.add(id)) {
            starter.execute(() -> {
                try {
                    accuracy.put(id, HeldBackAccuracy.check(id, history(id, nowMs), target.settings(), nowMs));
                } finally {
                    checking.remove(id);
                }
            });
        }
    }

    private void start(ForecastTarget target, StoreKeys keys, double limit, long nowMs) {
        try {
            storeKeys.put(target.id(), keys);
            TimedValues history = history(target.id(), nowMs);
            watch.register(target, history, limit);
            targets.put(target.id(), target);
            accuracy.put(target.id(), HeldBackAccuracy.check(target.id(), history, target.settings(), nowMs));
            ready.add(target.id());
        } catch (RuntimeException e) {
            lastStartFailure = target.id() + ": " + e.getMessage(); // tried again at its next sighting
        } finally {
            starting.remove(target.id());
        }
    }

    /** The target's recorded values of the last six hours: its value series, less the subtracted one at the same times. */
    private TimedValues history(String targetId, long nowMs) {
        StoreKeys keys = storeKeys.get(targetId);
        long from = Math.max(0, nowMs - HISTORY_MS);
        Optional<History> values = store.history(keys.value(), from, nowMs, SampleStore.MAX_POINTS);
        if (values.isEmpty() || values.get().points().isEmpty()) {
            return TimedValues.empty();
        }
        Map<Long, Double> minus = new HashMap<>();
        if (keys.minus().isPresent()) {
            store.history(keys.minus().get(), from, nowMs, SampleStore.MAX_POINTS)
                    .ifPresent(h -> h.points().forEach(p -> minus.put(p.tsMs(), p.value())));
        }
        List<Point> points = values.get().points();
        long[] times = new long[points.size()];
        double[] history = new double[points.size()];
        int n = 0;
        for (Point p : points) {
            double value = keys.minus().isEmpty() ? p.value() : p.value() - minus.getOrDefault(p.tsMs(), Double.NaN);
            if ((n == 0 || p.tsMs() > times[n - 1]) && Double.isFinite(value)) {
                times[n] = p.tsMs();
                history[n++] = value;
            }
        }
        return new TimedValues(Arrays.copyOf(times, n), Arrays.copyOf(history, n));
    }

    @Override
    public void close() {
        starter.shutdownNow();
    }
}
