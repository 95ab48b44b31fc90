package dev.asios.observe.kerneltext;

import static dev.asios.observe.kerneltext.CollectorTesting.labels;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asios.observe.metric.MetricRegistry;
import dev.asios.observe.metric.Series;
import java.util.List;
import org.junit.jupiter.api.Test;

class IndexedSeriesTest {

    private final MetricRegistry registry = new MetricRegistry();

    @Test
    void createsSeriesWhenANumberAppearsAndRemovesThemWhenItIsGone() {
        IndexedSeries perCpu = new IndexedSeries(registry.counter("asios_x", "x", null, "cpu", "mode"), "user", "idle");
        perCpu.beginRound();
        perCpu.of(0)[1].set(5);
        perCpu.of(3)[0].set(7);
        perCpu.endRound();
        assertThat(labels(registry, "asios_x")).containsExactly(List.of("0", "idle"), List.of("0", "user"), List.of("3", "idle"), List.of("3", "user"));

        perCpu.beginRound();
        Series[] cpu3 = perCpu.of(3);
        perCpu.endRound();
        assertThat(cpu3[0].value()).isEqualTo(7);
        assertThat(labels(registry, "asios_x")).containsExactly(List.of("3", "idle"), List.of("3", "user"));

        perCpu.beginRound();
        assertThat(perCpu.of(0)[1].value()).as("a CPU back online starts a new series").isNaN();
        perCpu.of(3);
        perCpu.endRound();
        assertThat(labels(registry, "asios_x")).hasSize(4);
    }

    @Test
    void anAbandonedRoundRemovesNothingAndASingleLabelHasOneSeries() {
        IndexedSeries perNode = new IndexedSeries(registry.gauge("asios_y", "y", null, "node"));
        perNode.beginRound();
        perNode.one(1).set(1);
        perNode.endRound();
        perNode.beginRound();
        perNode.beginRound();
        perNode.one(1);
        perNode.endRound();
        assertThat(labels(registry, "asios_y")).containsExactly(List.of("1"));
        assertThatThrownBy(() -> perNode.one(-1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("asios_y");
    }
}
