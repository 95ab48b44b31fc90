package dev.asios.bench.jitter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asios.bench.BenchOptions;
import dev.asios.bench.Direction;
import dev.asios.bench.Measurement;
import dev.asios.bench.Progress;
import dev.asios.bench.TargetResult;
import dev.asios.host.parse.CpuSet;
import java.time.Duration;
import java.util.OptionalInt;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** One round of one second on the last online CPU of the real host, in the normal scheduling class. */
@Tag("slow")
class JitterSmokeTest {

    @Test
    void oneRoundMeasuresTheProbeAndCyclictestOrSaysWhyNot() throws Exception {
        BenchOptions options = JitterBenchmarkOptionsTest.options(1, Duration.ofSeconds(1), CpuSet.empty(), OptionalInt.empty());

        TargetResult result = new JitterBenchmark().run(options, Progress.NONE);

        Measurement probe = result.probe();
        assertThat(probe.metric()).isEqualTo("p99 wake-up latency");
        assertThat(probe.unit()).isEqualTo("us");
        assertThat(probe.direction()).isEqualTo(Direction.LOWER_IS_BETTER);
        assertThat(probe.samples()).singleElement().satisfies(p99 -> assertThat(p99).isPositive());
        assertThat(probe.method()).contains("in SCHED_OTHER", "every 1000 us");
        assertThat(result.extra()).extracting(Measurement::metric).contains("p50 wake-up latency", "p99.9 wake-up latency",
                "max wake-up latency", "OS noise max gap", "OS noise");
        if (result.reference().isPresent()) {
            assertThat(result.referenceMissing()).isEmpty();
            assertThat(result.reference().get().samples()).singleElement().satisfies(p99 -> assertThat(p99).isPositive());
            assertThat(result.reference().get().command()).contains("--policy=other", "--duration=1s");
            assertThat(result.ratioToReference()).isPresent();
        } else {
            assertThat(result.referenceMissing()).hasValueSatisfying(reason -> assertThat(reason).contains("cyclictest"));
        }
    }
}
