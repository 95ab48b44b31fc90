package dev.asios.bench.report;

import static dev.asios.bench.report.ReportFixtures.CYCLICTEST_LATENCIES;
import static dev.asios.bench.report.ReportFixtures.PROBE_LATENCIES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.asios.bench.Distribution;
import dev.asios.bench.Distribution.Bucket;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class SvgHistogramTest {

    @Test
    void percentilesAreTheBucketsThatHoldThoseRanks() {
        assertThat(BucketPercentiles.valueAt(PROBE_LATENCIES, 50)).isEqualTo(1);
        assertThat(BucketPercentiles.valueAt(PROBE_LATENCIES, 50.1)).isEqualTo(2);
        assertThat(BucketPercentiles.valueAt(PROBE_LATENCIES, 99)).isEqualTo(3);
        assertThat(BucketPercentiles.valueAt(PROBE_LATENCIES, 99.9)).isEqualTo(10);
        assertThat(BucketPercentiles.valueAt(PROBE_LATENCIES, 100)).isEqualTo(10);
    }

    @Test
    void aWholeRankIsNotRoundedUp() {
        Distribution thousand = new Distribution("asios", "wake-up latency", "us", List.of(new Bucket(5, 999), new Bucket(900, 1)));

        assertThat(BucketPercentiles.valueAt(thousand, 99.9)).isEqualTo(5);
    }

    @Test
    void aPercentileOutOfRangeOrOfNothingIsRefused() {
        assertThatThrownBy(() -> BucketPercentiles.valueAt(PROBE_LATENCIES, 0)).hasMessageContaining("percentile 0.0");
        assertThatThrownBy(() -> BucketPercentiles.valueAt(new Distribution("asios", "wake-up latency", "us", List.of()), 50))
                .hasMessageContaining("no samples");
    }

    @Test
    void eachDistributionHasItsMarksAtP50P99AndP999() {
        String svg = SvgHistogram.svg(List.of(PROBE_LATENCIES, CYCLICTEST_LATENCIES));

        List<Element> marks = SvgElements.find(svg, "line", "mark");
        assertThat(marks).extracting(SvgElements::title).containsExactly("asios p50: 1 us", "asios p99: 3 us", "asios p99.9: 10 us",
                "cyclictest p50: 2 us", "cyclictest p99: 4 us", "cyclictest p99.9: 12 us");
        Element p99 = marks.get(1);
        Element bucketOf3 = SvgElements.find(svg, "rect", "s0").get(2);
        assertThat(SvgElements.number(p99, "x1")).isEqualTo(SvgElements.number(bucketOf3, "x"));
    }

    @Test
    void bothToolsAreOverlaidOnePerSeries() {
        String svg = SvgHistogram.svg(List.of(PROBE_LATENCIES, CYCLICTEST_LATENCIES));

        assertThat(SvgElements.find(svg, "rect", "s0")).hasSize(4).allSatisfy(r -> assertThat(SvgElements.title(r)).startsWith("asios: "));
        assertThat(SvgElements.find(svg, "rect", "s1")).hasSize(4).allSatisfy(r -> assertThat(SvgElements.title(r)).startsWith("cyclictest: "));
    }

    @Test
    void countsAreOnALogAxisEveryDecadeAsTallAsTheLast() {
        Distribution decades = new Distribution("asios", "wake-up latency", "us", List.of(new Bucket(1, 10), new Bucket(2, 100), new Bucket(3, 1000)));

        List<Element> buckets = SvgElements.find(SvgHistogram.svg(List.of(decades)), "rect", "bucket");
        double h10 = SvgElements.number(buckets.get(0), "height");
        double h100 = SvgElements.number(buckets.get(1), "height");
        double h1000 = SvgElements.number(buckets.get(2), "height");
        assertThat(h100 - h10).isPositive().isCloseTo(h1000 - h100, within(0.2));
    }

    @Test
    void latenciesGoOnALogAxisOnlyWhenTheySpanMoreThanTwoDecades() {
        Distribution narrow = PROBE_LATENCIES;
        Distribution wide = new Distribution("asios", "wake-up latency", "us", List.of(new Bucket(0, 3), new Bucket(1, 50), new Bucket(4000, 1)));

        assertThat(SvgHistogram.latencyScale(List.of(narrow), 1)).isInstanceOf(LinearScale.class);
        Scale log = SvgHistogram.latencyScale(List.of(wide), 1);
        assertThat(log).isInstanceOf(LogScale.class);
        assertThat(log.ticks()).containsExactly(0.1, 1.0, 10.0, 100.0, 1000.0, 10_000.0);
        assertThat(SvgHistogram.svg(List.of(wide))).contains("wake-up latency, us (log)");
    }

    @Test
    void bucketsAreNoWiderThanTheNarrowestStep() {
        assertThat(SvgHistogram.bucketWidth(List.of(PROBE_LATENCIES))).isEqualTo(1);
        assertThat(SvgHistogram.bucketWidth(List.of(new Distribution("t", "m", "us", List.of(new Bucket(10, 1)))))).isEqualTo(1);
        assertThat(SvgHistogram.bucketWidth(List.of(new Distribution("t", "m", "us", List.of(new Bucket(0, 1), new Bucket(0.5, 2), new Bucket(9, 1))))))
                .isEqualTo(0.5);
    }
}
