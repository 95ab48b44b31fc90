package dev.asios.agent.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asios.observe.metric.HistogramValue;
import dev.asios.observe.metric.MetricFamily;
import dev.asios.observe.metric.MetricRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole recorded rounds of several families, for a page that starts late. */
class RoundQueriesTest {

    private static final long T0 = 1_700_000_000_000L;

    @TempDir
    Path state;

    private final MetricRegistry registry = new MetricRegistry();
    private final MetricFamily events = registry.counter("asios_test_events", "Events seen.", null, "device");
    private final MetricFamily level = registry.gauge("asios_test_level_bytes", "Bytes held.", "bytes", "device");
    private final MetricFamily latency = registry.histogram("asios_test_latency_seconds", "Latency.", "seconds", new double[] {0.001, 0.01}, "device");

    @Test
    void roundsHoldTheAskedFamiliesAsRecordedOldestFirst() {
        try (SampleStore store = SampleStore.open(state, SampleStoreTest.NO_RESERVE)) {
            for (int i = 0; i < 5; i++) {
                events.series("sda").set(10 * i);
                events.series("sdb").set(100 + i);
                level.series("sda").set(i);
                latency.histogram("sda").set(new long[] {i, 2L * i, 0}, 0.001 * i);
                store.record(T0 + 1000L * i, registry);
            }
            List<RecordedRound> rounds = store.rounds(List.of("asios_test_events", "asios_test_latency_seconds"), Map.of("device", "sda"), T0 + 1000, T0 + 4000, 10);
            assertThat(rounds).extracting(RecordedRound::tsMs).containsExactly(T0 + 1000, T0 + 2000, T0 + 3000, T0 + 4000);
            RecordedRound last = rounds.get(3);
            assertThat(last.samples()).extracting(s -> s.series().key())
                    .containsExactlyInAnyOrder("asios_test_events_total{device=\"sda\"}", "asios_test_latency_seconds{device=\"sda\"}");
            RecordedSample counter = last.samples().stream().filter(s -> s.histogram().isEmpty()).findFirst().orElseThrow();
            assertThat(counter.value()).isEqualTo(40.0);
            HistogramValue histogram = last.samples().stream().flatMap(s -> s.histogram().stream()).findFirst().orElseThrow();
            assertThat(histogram.counts()).containsExactly(4L, 8L, 0L);
            assertThat(histogram.upperBounds()).containsExactly(0.001, 0.01, Double.POSITIVE_INFINITY);
            assertThat(histogram.sum()).isEqualTo(0.004);
        }
    }

    @Test
    void manyRoundsAreThinnedEvenlyKeepingTheNewest() {
        try (SampleStore store = SampleStore.open(state, SampleStoreTest.NO_RESERVE)) {
            for (int i = 0; i < 10; i++) {
                events.series("sda").set(i);
                store.record(T0 + 1000L * i, registry);
            }
            assertThat(store.rounds(List.of("asios_test_events"), Map.of(), T0, T0 + 9000, 3)).extracting(RecordedRound::tsMs)
                    .containsExactly(T0 + 3000, T0 + 6000, T0 + 9000);
        }
        assertThat(RoundQueries.thinned(LongStream.range(0, 7).boxed().toList(), 2)).containsExactly(3L, 6L);
        assertThat(RoundQueries.thinned(LongStream.range(0, 7).boxed().toList(), 7)).hasSize(7);
    }

    @Test
    void unknownFamiliesAndEmptyRangesGiveNoRoundsAndBadQueriesAreRefused() {
        try (SampleStore store = SampleStore.open(state, SampleStoreTest.NO_RESERVE)) {
            events.series("sda").set(1);
            store.record(T0, registry);
            assertThat(store.rounds(List.of("asios_nothing"), Map.of(), T0, T0, 10)).isEmpty();
            assertThat(store.rounds(List.of("asios_test_events"), Map.of(), T0 + 1, T0 + 10, 10)).isEmpty();
            assertThatThrownBy(() -> store.rounds(List.of("asios_test_events"), Map.of(), T0, T0, 0)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("within 1 to");
        }
    }
}
