package dev.asios.bench.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asios.bench.Direction;
import dev.asios.bench.Measurement;
import dev.asios.bench.Progress;
import dev.asios.bench.TargetResult;
import dev.asios.host.parse.CpuSet;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * One round of two seconds on the last online CPU of the real host, with stress-ng on the others
 * where it is installed and there are others; afterwards no stress-ng of this JVM is left.
 */
@Tag("slow")
class E2eSmokeTest {

    @Test
    void oneRoundServesRequestsAndLeavesNoNeighbours() throws Exception {
        E2eBenchmark benchmark = new E2eBenchmark(new E2eSettings(Duration.ofMillis(50), 0.5, Neighbours.STRESS_NG));

        TargetResult result = benchmark.run(E2eBenchmarkOptionsTest.options(1, Duration.ofSeconds(2), CpuSet.empty()), Progress.NONE);

        Measurement throughput = result.probe();
        assertThat(throughput.metric()).isEqualTo(E2eRounds.THROUGHPUT);
        assertThat(throughput.unit()).isEqualTo("inferences/s");
        assertThat(throughput.direction()).isEqualTo(Direction.HIGHER_IS_BETTER);
        assertThat(throughput.samples()).singleElement().satisfies(rate -> assertThat(rate).isPositive());
        assertThat(throughput.method()).contains("512-2048-2048-512", "6291456 multiply-adds", "0.5 x that throughput", "SLA of 50ms");
        assertThat(throughput.command()).contains("e2e", "--rounds=1", "--duration=2s", "--sla=50ms", "--load=0.5", "--neighbours=stress-ng");
        assertThat(result.extra()).extracting(Measurement::metric).containsExactly("p50 request latency", "p99 request latency",
                "p99.9 request latency", "requests within 50ms SLA", "offered rate");
        assertThat(result.reference()).isEmpty();
        assertThat(result.referenceMissing()).hasValueSatisfying(why -> assertThat(why).contains("--ab PROFILE"));
        assertThat(result.distributions()).singleElement().satisfies(latencies -> assertThat(latencies.count()).isPositive());
        assertThat(ProcessHandle.current().descendants().filter(p -> p.info().command().orElse("").endsWith("stress-ng"))).isEmpty();
    }
}
