package dev.asios.observe.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The change counts that let a reader keep handles and list series only when they change. */
class MetricChangesTest {

    private final MetricRegistry registry = new MetricRegistry();

    @Test
    void registeringANewFamilyMovesTheRegistrationsButRegisteringItAgainDoesNot() {
        long before = registry.registrations();
        registry.gauge("asios_test_bytes", "A test gauge.", "bytes", "device");
        registry.gauge("asios_test_bytes", "A test gauge.", "bytes", "device");
        assertThat(registry.registrations()).isEqualTo(before + 1);
    }

    @Test
    void creatingAndRemovingSeriesMoveTheFamilysChangesButLookingOneUpAgainDoesNot() {
        MetricFamily family = registry.counter("asios_test_events", "Test events.", null, "device");
        long start = family.changes();
        Series first = family.series("a");
        assertThat(family.changes()).isEqualTo(start + 1);
        assertThat(family.series("a")).isSameAs(first);
        assertThat(family.changes()).isEqualTo(start + 1);
        family.remove(List.of("b"));
        assertThat(family.changes()).isEqualTo(start + 1);
        family.remove(List.of("a"));
        assertThat(family.changes()).isEqualTo(start + 2);
        assertThat(family.series("a")).isNotSameAs(first);
        assertThat(family.changes()).isEqualTo(start + 3);
    }

    @Test
    void histogramSeriesCountAsChangesAndCopyTheirCountsWithoutAllocating() {
        MetricFamily family = registry.histogram("asios_test_seconds", "Test latencies.", "seconds", new double[] {1, 2}, "cpu");
        HistogramSeries series = family.histogram("0");
        assertThat(family.changes()).isEqualTo(1);
        long[] target = {7, 7, 7};
        assertThat(series.buckets()).isEqualTo(3);
        assertThat(series.copyCounts(target)).isFalse();
        assertThat(target).containsExactly(7, 7, 7);
        series.set(new long[] {1, 2, 3}, 4.5);
        assertThat(series.copyCounts(target)).isTrue();
        assertThat(target).containsExactly(1, 2, 3);
        assertThatThrownBy(() -> series.copyCounts(new long[2])).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 slots for 3 buckets");
    }
}
