package dev.asios.bench.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asios.bench.BenchException;
import dev.asios.bench.Direction;
import dev.asios.bench.Measurement;
import dev.asios.bench.TargetResult;
import dev.asios.run.command.CommandResolver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("slow")
class LoopbackNetworkBenchmarkTest {

    @Test
    void oneShortRoundOverLoopback() throws BenchException {
        List<String> steps = new ArrayList<>();
        TargetResult result = new NetworkBenchmark().run(NetworkBenchmarkOptionsTest.options(1, Duration.ofSeconds(2)),
                (what, done, total) -> steps.add(what + " " + done + "/" + total));

        Measurement probe = result.probe();
        assertThat(probe.tool()).isEqualTo("asios");
        assertThat(probe.metric()).isEqualTo("TCP throughput");
        assertThat(probe.unit()).isEqualTo("Gbit/s");
        assertThat(probe.direction()).isEqualTo(Direction.HIGHER_IS_BETTER);
        assertThat(probe.samples()).singleElement().satisfies(gbps -> assertThat(gbps).isPositive());
        assertThat(probe.method()).contains("loopback", "128 KiB", "2 s");
        assertThat(probe.command()).containsExactly("asios", "bench", "network", "--path", "loopback", "--rounds", "1", "--duration", "2s");
        assertThat(steps).containsExactly("network loopback round 1/1");

        boolean iperf3 = CommandResolver.resolve("iperf3", Objects.requireNonNullElse(System.getenv("PATH"), "")).isPresent();
        if (iperf3) {
            assertThat(result.referenceMissing()).isEmpty();
            Measurement reference = result.reference().orElseThrow();
            assertThat(reference.samples()).singleElement().satisfies(gbps -> assertThat(gbps).isPositive());
            assertThat(reference.command()).contains("-c", "127.0.0.1", "-t", "2", "-O", "1", "-J");
        } else {
            assertThat(result.referenceMissing()).hasValueSatisfying(reason -> assertThat(reason).contains("iperf3"));
        }
    }
}
