package dev.asios.agent.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DownsamplingTest {

    @Test
    void samplesThatFitAreAllKept() {
        SampleColumns samples = values(new long[] {0, 1000, 2000}, 1, 2, 3);
        assertThat(Downsampling.stepEnds(samples, 0, 2000, 3)).containsExactly(0, 1, 2);
        assertThat(Downsampling.gauge(samples, new int[] {0, 1, 2})).containsExactly(Point.of(0, 1), Point.of(1000, 2), Point.of(2000, 3));
    }

    @Test
    void moreSamplesAreCutIntoEqualStepsOfTheRange() {
        // Ten samples a second apart over [0, 9999] in 3 steps of 3334 ms: 0-3, 4-6, 7-9.
        SampleColumns samples = values(new long[] {0, 1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000, 9000}, 1, 5, 3, 7, 2, 2, 2, 9, 1, 2);
        int[] ends = Downsampling.stepEnds(samples, 0, 9999, 3);
        assertThat(ends).containsExactly(3, 6, 9);
        assertThat(Downsampling.gauge(samples, ends)).containsExactly(new Point(3000, 4, 1, 7), new Point(6000, 2, 2, 2), new Point(9000, 4, 1, 9));
        assertThat(Downsampling.last(samples, ends)).containsExactly(Point.of(3000, 7), Point.of(6000, 2), Point.of(9000, 2));
    }

    @Test
    void stepsWithoutSamplesGiveNoPoint() {
        SampleColumns samples = values(new long[] {0, 100, 9000, 9100}, 1, 2, 3, 4);
        assertThat(Downsampling.stepEnds(samples, 0, 9999, 3)).containsExactly(1, 3);
    }

    @Test
    void aCounterRateCountsAResetAsCountingFromZero() {
        // 100, 110, 120, then the source restarts: 5, 15. Increases 10, 10, 5, 10 over 1 s each.
        SampleColumns samples = values(new long[] {0, 1000, 2000, 3000, 4000}, 100, 110, 120, 5, 15);
        assertThat(Downsampling.rates(samples, new int[] {0, 1, 2, 3, 4}))
                .containsExactly(new Rate(1000, 10), new Rate(2000, 10), new Rate(3000, 5), new Rate(4000, 10));
        assertThat(Downsampling.rates(samples, new int[] {0, 4})).as("a reset inside a step still counts").containsExactly(new Rate(4000, 35.0 / 4));
    }

    @Test
    void histogramStepsAreBucketDeltasWithResets() {
        SampleColumns samples = new SampleColumns();
        samples.add(0, 1.0, 1.0, 1.0, new long[] {1, 0, 0});
        samples.add(1000, 4.0, 4.0, 4.0, new long[] {3, 1, 0});
        samples.add(2000, 10.0, 10.0, 10.0, new long[] {3, 2, 1});
        samples.add(3000, 0.5, 0.5, 0.5, new long[] {1, 0, 0});
        List<HistogramStep> steps = Downsampling.histogramSteps(samples, new int[] {0, 1, 2, 3});
        assertThat(steps).containsExactly(new HistogramStep(0, 1000, List.of(2L, 1L, 0L), 3.0), new HistogramStep(1000, 2000, List.of(0L, 1L, 1L), 6.0),
                new HistogramStep(2000, 3000, List.of(1L, 0L, 0L), 0.5));
        assertThat(Downsampling.histogramSteps(samples, new int[] {0, 3})).containsExactly(new HistogramStep(0, 3000, List.of(3L, 2L, 1L), 9.5));
    }

    private static SampleColumns values(long[] tsMs, double... values) {
        SampleColumns samples = new SampleColumns();
        for (int i = 0; i < tsMs.length; i++) {
            samples.add(tsMs[i], values[i], values[i], values[i], null);
        }
        return samples;
    }
}
