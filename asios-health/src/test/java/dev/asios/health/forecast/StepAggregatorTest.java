package dev.asios.health.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StepAggregatorTest {

    private final List<String> steps = new ArrayList<>();
    private final StepAggregator.StepSink sink = (index, value) -> steps.add(index + "=" + value);

    @Test
    void aStepIsTheMeanOfItsSamplesAndEndsWhenALaterStepBegins() {
        StepAggregator aggregator = new StepAggregator(10_000, StepAggregation.MEAN);

        assertThat(aggregator.add(100_000, 1, sink)).isFalse();
        assertThat(aggregator.add(105_000, 3, sink)).isFalse();
        assertThat(aggregator.add(109_999, 5, sink)).isFalse();
        assertThat(aggregator.add(110_000, 7, sink)).isTrue();

        assertThat(steps).containsExactly("10=3.0");
        assertThat(aggregator.flush(sink)).isTrue();
        assertThat(aggregator.flush(sink)).isFalse();
        assertThat(steps).containsExactly("10=3.0", "11=7.0");
    }

    @Test
    void lastTakesTheStepsLastSample() {
        StepAggregator aggregator = new StepAggregator(10_000, StepAggregation.LAST);

        aggregator.add(100_000, 1, sink);
        aggregator.add(105_000, 3, sink);
        aggregator.add(121_000, 9, sink);

        assertThat(steps).containsExactly("10=3.0");
    }

    @Test
    void aStepWithoutSamplesIsLeftOutSoTheSinkSeesTheGap() {
        StepAggregator aggregator = new StepAggregator(10_000, StepAggregation.MEAN);

        aggregator.add(100_000, 1, sink);
        aggregator.add(140_000, 2, sink);
        aggregator.flush(sink);

        assertThat(steps).containsExactly("10=1.0", "14=2.0");
    }

    @Test
    void repeatedOldAndUnmeasuredSamplesAreIgnoredAndCounted() {
        StepAggregator aggregator = new StepAggregator(10_000, StepAggregation.MEAN);

        aggregator.add(100_000, 1, sink);
        aggregator.add(100_000, 50, sink);
        aggregator.add(90_000, 50, sink);
        aggregator.add(101_000, Double.NaN, sink);
        aggregator.add(102_000, Double.POSITIVE_INFINITY, sink);
        aggregator.add(103_000, 3, sink);
        aggregator.flush(sink);

        assertThat(steps).containsExactly("10=2.0");
        assertThat(aggregator.ignoredSamples()).isEqualTo(4);
        assertThat(aggregator.lastEpochMs()).isEqualTo(103_000);
    }

    @Test
    void timesBeforeTheEpochFallInTheirOwnSteps() {
        StepAggregator aggregator = new StepAggregator(10_000, StepAggregation.MEAN);

        aggregator.add(-5_000, 1, sink);
        aggregator.add(5_000, 2, sink);

        assertThat(steps).containsExactly("-1=1.0");
    }

    @Test
    void aStepMustBePositive() {
        assertThatThrownBy(() -> new StepAggregator(0, StepAggregation.MEAN)).hasMessage("step must be positive, was 0 ms");
    }
}
