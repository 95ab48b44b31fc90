package dev.asios.observe.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asios.host.parse.ByteText;
import dev.asios.observe.metric.MetricFamily;
import dev.asios.observe.metric.MetricRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeriesRowTest {

    private final MetricRegistry registry = new MetricRegistry();
    private final Scrape scrape = new Scrape(registry);
    private final List<MetricFamily> families = Column.registerAll(registry,
            List.of(Column.counter("asios_t_bytes", "Bytes.", "bytes"), Column.gauge("asios_t_limit_bytes", "Limit.", "bytes")), "thing");

    @Test
    void createsASeriesOnItsFirstValueAndRemovesItWhenTheValueGoesAbsent() {
        SeriesRow row = new SeriesRow(families, "a");
        assertThat(scrape.labels("asios_t_bytes")).isEmpty();
        row.set(0, 5);
        row.set(1, Double.NaN);
        assertThat(scrape.value("asios_t_bytes", "a")).isEqualTo(5);
        assertThat(scrape.labels("asios_t_limit_bytes")).isEmpty();
        row.set(1, 10);
        row.set(1, Double.NaN);
        assertThat(scrape.labels("asios_t_limit_bytes")).isEmpty();
        row.remove();
        assertThat(scrape.labels("asios_t_bytes")).isEmpty();
        row.set(0, 6);
        assertThat(scrape.value("asios_t_bytes", "a")).isEqualTo(6);
    }

    @Test
    void refusesLabelValuesThatDoNotFitTheFamilies() {
        assertThatThrownBy(() -> new SeriesRow(families, "a", "b")).hasMessageContaining("takes labels [thing]");
        assertThatThrownBy(() -> Column.registerAll(registry, List.of(new Column(dev.asios.observe.metric.MetricKind.HISTOGRAM, "asios_h", "h", null))))
                .hasMessageContaining("not histograms");
    }

    @Test
    void layoutKeepsTheRowsOfLinesStillThereAndRemovesTheOthers() {
        TableLayout layout = new TableLayout();
        layout.relayout(List.of("a", "b", "c"), (line, name, existing) -> name.equals("c") ? null : new SeriesRow(families, name));
        layout.row(0).set(0, 1);
        layout.row(1).set(0, 2);
        SeriesRow b = layout.row(1);
        assertThat(layout.lines()).isEqualTo(3);
        assertThat(layout.row(2)).isNull();

        ByteText text = ByteText.of("b x\nd y\n");
        text.nextLine();
        assertThat(layout.matches(0, text)).isFalse();
        layout.relayout(List.of("b", "d"), (line, name, existing) -> existing != null ? existing : new SeriesRow(families, name));
        text.rewind();
        text.nextLine();
        assertThat(layout.matches(0, text)).isTrue();
        text.nextLine();
        assertThat(layout.matches(1, text)).isTrue();
        assertThat(layout.matches(2, text)).isFalse();
        assertThat(layout.row(0)).isSameAs(b);
        assertThat(scrape.labels("asios_t_bytes")).containsExactly("b");
    }
}
