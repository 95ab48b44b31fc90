package dev.asios.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SummaryTest {

    @Test
    void medianOfAnOddAndAnEvenCount() {
        assertThat(Summary.of(List.of(3.0, 1.0, 2.0))).isEqualTo(new Summary(2.0, 1.0, 3.0, 3));
        assertThat(Summary.of(List.of(4.0, 1.0, 3.0, 2.0))).isEqualTo(new Summary(2.5, 1.0, 4.0, 4));
    }

    @Test
    void noSamplesOrNonFiniteSamplesAreRefused() {
        assertThatThrownBy(() -> Summary.of(List.of())).hasMessage("no samples to summarize");
        assertThatThrownBy(() -> Summary.of(List.of(1.0, Double.NaN))).hasMessageContaining("NaN");
    }

    @Test
    void theRatioToTheReferenceIsOfMedians() {
        Measurement probe = new Measurement("asios", "triad bandwidth", "MB/s", Direction.HIGHER_IS_BETTER, List.of(90.0, 100.0, 95.0), "m", List.of());
        Measurement reference = new Measurement("stress-ng", "triad bandwidth", "MB/s", Direction.HIGHER_IS_BETTER, List.of(100.0, 98.0, 102.0), "m",
                List.of("stress-ng"));

        TargetResult withReference = new TargetResult(Target.MEMORY, probe, Optional.of(reference), Optional.empty(), List.of());
        TargetResult alone = new TargetResult(Target.MEMORY, probe, Optional.empty(), Optional.of("stress-ng is not installed"), List.of());

        assertThat(withReference.ratioToReference().getAsDouble()).isEqualTo(0.95);
        assertThat(alone.ratioToReference()).isEmpty();
    }
}
