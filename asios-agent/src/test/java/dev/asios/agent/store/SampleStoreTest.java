package dev.asios.agent.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import dev.asios.observe.metric.HistogramSeries;
import dev.asios.observe.metric.MetricFamily;
import dev.asios.observe.metric.MetricKind;
import dev.asios.observe.metric.MetricRegistry;
import dev.asios.observe.metric.Series;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleStoreTest {

    static final StoreSettings NO_RESERVE = StoreSettings.DEFAULTS.withMinFree(0, 0);
    private static final long T0 = 1_700_000_000_000L;

    @TempDir
    Path state;

    private final MetricRegistry registry = new MetricRegistry();
    private final MetricFamily events = registry.counter("asios_test_events", "Events seen.", null, "device");
    private final MetricFamily level = registry.gauge("asios_test_level_bytes", "Bytes held.", "bytes", "device");
    private final MetricFamily latency = registry.histogram("asios_test_latency_seconds", "Latency.", "seconds", new double[] {0.001, 0.01}, "device");

    @Test
    void recordsEverySeriesWithAValueAndListsThemByFamilyAndLabels() {
        events.series("sda").set(1);
        events.series("sdb").set(2);
        level.series("sda").set(Double.NaN);
        latency.histogram("sda").set(new long[] {1, 0, 0}, 0.0005);
        try (SampleStore store = SampleStore.open(state, NO_RESERVE)) {
            assertThat(store.record(T0, registry)).isTrue();
            assertThat(store.listSeries(Optional.empty(), Map.of())).extracting(SeriesInfo::key).containsExactly("asios_test_events_total{device=\"sda\"}",
                    "asios_test_events_total{device=\"sdb\"}", "asios_test_latency_seconds{device=\"sda\"}");
            assertThat(store.listSeries(Optional.of("asios_test_events"), Map.of("device", "sdb"))).singleElement().isEqualTo(
                    new SeriesInfo("asios_test_events_total{device=\"sdb\"}", "asios_test_events", MetricKind.COUNTER, Optional.empty(), "Events seen.",
                            Map.of("device", "sdb"), List.of()));
            assertThat(store.listSeries(Optional.of("asios_test_latency_seconds"), Map.of())).singleElement().satisfies(info -> {
                assertThat(info.unit()).contains("seconds");
                assertThat(info.upperBounds()).containsExactly(0.001, 0.01, Double.POSITIVE_INFINITY);
            });
            assertThat(store.listSeries(Optional.of("asios_test_events"), Map.of("device", "nvme0n1"))).isEmpty();
        }
    }

    @Test
    void aCounterHistoryHasItsPointsAndRatesAcrossAReset() {
        Series counter = events.series("sda");
        try (SampleStore store = SampleStore.open(state, NO_RESERVE)) {
            double[] values = {100, 110, 120, 5, 15};
            for (int i = 0; i < values.length; i++) {
                counter.set(values[i]);
                store.record(T0 + i * 1000L, registry);
            }
            History history = store.history(counter.key(), T0, T0 + 4000, 100).orElseThrow();
            assertThat(history.resolution()).isEqualTo(Resolution.RAW);
            assertThat(history.points()).extracting(Point::value).containsExactly(100.0, 110.0, 120.0, 5.0, 15.0);
            assertThat(history.rates()).extracting(Rate::perSecond).containsExactly(10.0, 10.0, 5.0, 10.0);
            assertThat(store.history(counter.key(), T0 + 1000, T0 + 2000, 100).orElseThrow().points()).extracting(Point::tsMs)
                    .containsExactly(T0 + 1000, T0 + 2000);
            assertThat(store.latest(counter.key())).contains(Point.of(T0 + 4000, 15));
        }
    }

    @Test
    void aGaugeHistoryIsReducedToMaxPointsWithMinimaAndMaxima() {
        Series gauge = level.series("sda");
        try (SampleStore store = SampleStore.open(state, NO_RESERVE)) {
            for (int i = 0; i < 10; i++) {
                gauge.set(i);
                store.record(T0 + i * 1000L, registry);
            }
            History history = store.history(gauge.key(), T0, T0 + 9999, 2).orElseThrow();
            assertThat(history.points()).containsExactly(new Point(T0 + 4000, 2, 0, 4), new Point(T0 + 9000, 7, 5, 9));
            assertThat(history.rates()).isEmpty();
        }
    }

    @Test
    void aHistogramRoundTripsAsHeatMapSteps() {
        HistogramSeries histogram = latency.histogram("sda");
        try (SampleStore store = SampleStore.open(state, NO_RESERVE)) {
            histogram.set(new long[] {1, 0, 0}, 0.0005);
            store.record(T0, registry);
            histogram.set(new long[] {4, 2, 1}, 0.5);
            store.record(T0 + 1000, registry);
            histogram.set(new long[] {4, 3, 1}, 0.505);
            store.record(T0 + 2000, registry);
            HistogramHistory history = store.histogramHistory(histogram.key(), T0, T0 + 2000, 10).orElseThrow();
            assertThat(history.series().upperBounds()).containsExactly(0.001, 0.01, Double.POSITIVE_INFINITY);
            assertThat(history.steps()).hasSize(2);
            assertThat(history.steps().get(0).counts()).containsExactly(3L, 2L, 1L);
            assertThat(history.steps().get(1).counts()).containsExactly(0L, 1L, 0L);
            assertThat(history.steps().get(1).sum()).isCloseTo(0.005, offset(1e-12));
            assertThat(store.history(histogram.key(), T0, T0 + 2000, 10).orElseThrow().points()).extracting(Point::value)
                    .containsExactly(0.0005, 0.5, 0.505);
        }
    }

    @Test
    void unknownSeriesAreEmptyAndBadQueriesAreRefused() {
        events.series("sda").set(1);
        try (SampleStore store = SampleStore.open(state, NO_RESERVE)) {
            store.record(T0, registry);
            assertThat(store.history("asios_nope", T0, T0, 10)).isEmpty();
            assertThat(store.latest("asios_nope")).isEmpty();
            String key = events.series("sda").key();
            assertThatThrownBy(() -> store.history(key, T0, T0 - 1, 10)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("range");
            assertThatThrownBy(() -> store.history(key, T0, T0, 0)).hasMessage("max points must be within 1 to 100000, given 0");
            assertThatThrownBy(() -> store.histogramHistory(key, T0, T0, 10)).hasMessage(key + " is a counter, not a histogram");
        }
    }

    @Test
    void samplesSurviveClosingAndOpeningAgain() {
        Series counter = events.series("sda");
        counter.set(7);
        try (SampleStore store = SampleStore.open(state, NO_RESERVE)) {
            store.record(T0, registry);
        }
        try (SampleStore store = SampleStore.open(state, NO_RESERVE)) {
            assertThat(store.latest(counter.key())).contains(Point.of(T0, 7));
            counter.set(8);
            store.record(T0 + 1000, registry);
            assertThat(store.history(counter.key(), T0, T0 + 1000, 10).orElseThrow().points()).hasSize(2);
            assertThat(store.stats().roundsWritten()).isEqualTo(1);
        }
    }

    @Test
    void aChangedDefinitionReplacesTheStoredOneAndOldBucketsAreLeftOut() {
        HistogramSeries before = latency.histogram("sda");
        before.set(new long[] {1, 2, 3}, 1.0);
        try (SampleStore store = SampleStore.open(state, NO_RESERVE)) {
            store.record(T0, registry);
        }
        MetricRegistry upgraded = new MetricRegistry();
        HistogramSeries after = upgraded.histogram("asios_test_latency_seconds", "Latency, finer.", "seconds", new double[] {0.001, 0.005, 0.01}, "device")
                .histogram("sda");
        try (SampleStore store = SampleStore.open(state, NO_RESERVE)) {
            after.set(new long[] {1, 1, 1, 1}, 1.0);
            store.record(T0 + 1000, upgraded);
            after.set(new long[] {2, 2, 2, 2}, 2.0);
            store.record(T0 + 2000, upgraded);
            HistogramHistory history = store.histogramHistory(after.key(), T0, T0 + 2000, 10).orElseThrow();
            assertThat(history.series().help()).isEqualTo("Latency, finer.");
            assertThat(history.series().upperBounds()).containsExactly(0.001, 0.005, 0.01, Double.POSITIVE_INFINITY);
            assertThat(history.steps()).singleElement().satisfies(step -> {
                assertThat(step.fromMs()).isEqualTo(T0 + 1000);
                assertThat(step.counts()).containsExactly(1L, 1L, 1L, 1L);
            });
        }
    }

    @Test
    void aRowTheStoreCannotHaveWrittenIsReportedAsCorruption() throws SQLException {
        latency.histogram("sda").set(new long[] {1, 0, 0}, 0.0005);
        String key = latency.histogram("sda").key();
        try (SampleStore store = SampleStore.open(state, NO_RESERVE)) {
            store.record(T0, registry);
        }
        StoreSql.execute(state, "UPDATE raw SET counts = x'ff'");
        try (SampleStore store = SampleStore.open(state, NO_RESERVE)) {
            assertThatThrownBy(() -> store.histogramHistory(key, T0, T0, 10)).isInstanceOf(StoreException.class)
                    .hasMessageStartingWith(state.resolve("samples.db") + " is corrupt (histogram blob: ends inside a number");
        }
    }
}
