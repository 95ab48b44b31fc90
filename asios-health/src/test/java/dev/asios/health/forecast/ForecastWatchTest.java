package dev.asios.health.forecast;

import static dev.asios.health.forecast.SyntheticSeries.MINUTE_MS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ForecastWatchTest {

    private static final ForecastSettings SETTINGS = ForecastSettings.defaults().withHorizonSteps(30);
    private static final long GIB = 1L << 30;

    private final ForecastWatch watch = new ForecastWatch();

    @Test
    void aTargetStartsFromItsHistoryAndIsRemadeOncePerStep() {
        TimedValues history = SyntheticSeries.ramp(100, 20 * GIB, 0.1 * GIB, 0.01 * GIB, 1);
        watch.register(ForecastTarget.capacity("node/0/memory_used_bytes", "node 0 memory", "bytes", SETTINGS), history, 32 * GIB);
        Forecast first = watch.forecast("node/0/memory_used_bytes").orElseThrow();
        long last = history.epochMs(99);

        boolean midStep = watch.observe("node/0/memory_used_bytes", last + 1000, 29.9 * GIB);
        boolean nextStep = watch.observe("node/0/memory_used_bytes", last + MINUTE_MS, 30 * GIB);

        assertThat(midStep).isFalse();
        assertThat(nextStep).isTrue();
        Forecast second = watch.forecast("node/0/memory_used_bytes").orElseThrow();
        assertThat(second.originMs()).isEqualTo(first.originMs() + MINUTE_MS);
        ExhaustionFinding finding = watch.finding("node/0/memory_used_bytes").orElseThrow();
        assertThat(finding.status()).isEqualTo(ExhaustionStatus.WITHIN_HORIZON);
        assertThat(finding.limit()).hasValue(32 * GIB);
        assertThat(finding.text()).startsWith("node 0 memory exhausted in ~");
    }

    @Test
    void aLimitReadWithTheValuesIsTakenAtOnce() {
        watch.register(ForecastTarget.capacity("run/train/memory_bytes", "run train memory", "bytes", SETTINGS),
                SyntheticSeries.flat(60, 10 * GIB, 0.01 * GIB, 2), Double.NaN);
        assertThat(watch.finding("run/train/memory_bytes").orElseThrow().status()).isEqualTo(ExhaustionStatus.NO_LIMIT);
        long next = SyntheticSeries.START_MS + 60 * MINUTE_MS;

        watch.observe("run/train/memory_bytes", next, 10 * GIB, 8 * GIB);

        assertThat(watch.finding("run/train/memory_bytes").orElseThrow().status()).isEqualTo(ExhaustionStatus.AT_LIMIT);
        watch.observe("run/train/memory_bytes", next + 1000, 10 * GIB, Double.NaN);
        assertThat(watch.finding("run/train/memory_bytes").orElseThrow().limit()).hasValue(8 * GIB);
    }

    @Test
    void findingsComeMostUrgentFirst() {
        watch.register(ForecastTarget.capacity("a/slow", "a", "bytes", SETTINGS), SyntheticSeries.ramp(100, 0, 1, 0.01, 3), 140);
        watch.register(ForecastTarget.capacity("b/full", "b", "bytes", SETTINGS), SyntheticSeries.flat(100, 50, 0.01, 3), 40);
        watch.register(ForecastTarget.capacity("c/fast", "c", "bytes", SETTINGS), SyntheticSeries.ramp(100, 0, 1, 0.01, 3), 110);
        watch.register(ForecastTarget.capacity("d/new", "d", "bytes", SETTINGS), SyntheticSeries.flat(5, 50, 0.01, 3), 100);
        watch.register(ForecastTarget.capacity("e/flat", "e", "bytes", SETTINGS), SyntheticSeries.flat(100, 50, 0.01, 3), 100);

        assertThat(watch.findings()).extracting(ExhaustionFinding::targetId).containsExactly("b/full", "c/fast", "a/slow", "e/flat", "d/new");
        assertThat(watch.targetIds()).containsExactly("a/slow", "b/full", "c/fast", "d/new", "e/flat");
    }

    @Test
    void misuseIsNamed() {
        ForecastTarget temperature = ForecastTarget.threshold("gpu/0/temperature_celsius", "GPU 0 temperature", "celsius", 85, SETTINGS);
        watch.register(temperature, TimedValues.empty(), Double.NaN);

        assertThatThrownBy(() -> watch.register(temperature, TimedValues.empty(), Double.NaN))
                .hasMessage("forecast target gpu/0/temperature_celsius is watched already; remove it first");
        assertThatThrownBy(() -> watch.observe("gpu/0/temperature_celsius", 1, 60, 90))
                .hasMessage("forecast target gpu/0/temperature_celsius has a fixed limit of 85.0; observe it without one");
        assertThatThrownBy(() -> watch.observe("gpu/9/temperature_celsius", 1, 60))
                .hasMessage("forecast target gpu/9/temperature_celsius is not watched; register it first");
        assertThat(watch.finding("gpu/0/temperature_celsius").orElseThrow().status()).isEqualTo(ExhaustionStatus.NOT_ENOUGH_HISTORY);
        assertThat(watch.remove("gpu/0/temperature_celsius")).isTrue();
        assertThat(watch.remove("gpu/0/temperature_celsius")).isFalse();
        assertThat(watch.finding("gpu/0/temperature_celsius")).isEmpty();
        assertThat(watch.forecast("gpu/0/temperature_celsius")).isEmpty();
    }

    @Test
    void targetsAreFedFromSeveralThreadsWhileOthersRead() throws Exception {
        int targets = 4;
        for (int t = 0; t < targets; t++) {
            watch.register(ForecastTarget.capacity("node/" + t + "/memory_used_bytes", "node " + t + " memory", "bytes", SETTINGS),
                    TimedValues.empty(), 100);
        }
        AtomicBoolean feeding = new AtomicBoolean(true);
        try (ExecutorService pool = Executors.newFixedThreadPool(targets + 1)) {
            List<Future<?>> feeders = new ArrayList<>();
            for (int t = 0; t < targets; t++) {
                String id = "node/" + t + "/memory_used_bytes";
                feeders.add(pool.submit(() -> {
                    for (int round = 0; round < 60 * 45; round++) {
                        watch.observe(id, SyntheticSeries.START_MS + round * 1000L, 10 + round / 600.0);
                    }
                }));
            }
            Future<Integer> reader = pool.submit(() -> {
                int reads = 0;
                while (feeding.get()) {
                    assertThat(watch.findings()).hasSize(targets);
                    reads++;
                }
                return reads;
            });
            for (Future<?> feeder : feeders) {
                feeder.get();
            }
            feeding.set(false);
            assertThat(reader.get()).isPositive();
        }
        assertThat(watch.findings()).allSatisfy(f -> assertThat(f.status()).isEqualTo(ExhaustionStatus.NOT_WITHIN_HORIZON));
    }
}
