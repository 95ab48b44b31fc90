package dev.asios.bench.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asios.bench.BenchException;
import dev.asios.bench.BenchOptions;
import dev.asios.bench.Progress;
import dev.asios.bench.Target;
import dev.asios.host.parse.CpuSet;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class NetworkBenchmarkOptionsTest {

    static BenchOptions options(int rounds, Duration duration) {
        return new BenchOptions(rounds, duration, CpuSet.empty(), OptionalLong.empty(), Optional.empty(), OptionalInt.empty(), Optional.empty());
    }

    @Test
    void measuresTheNetworkTarget() {
        assertThat(new NetworkBenchmark().target()).isEqualTo(Target.NETWORK);
    }

    @Test
    void acceptsWholeSecondsUpToTenMinutes() throws BenchException {
        assertThat(NetworkBenchmark.checkedDuration(options(3, Duration.ofSeconds(1)))).isEqualTo(Duration.ofSeconds(1));
        assertThat(NetworkBenchmark.checkedDuration(options(1, Duration.ofMinutes(10)))).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void rejectsADurationOutOfRangeNamingTheOption() {
        for (Duration bad : new Duration[] {Duration.ZERO, Duration.ofSeconds(-1), Duration.ofMinutes(10).plusSeconds(1), Duration.ofMillis(1500)}) {
            assertThatThrownBy(() -> new NetworkBenchmark().run(options(1, bad), Progress.NONE))
                    .as(bad.toString())
                    .isInstanceOf(BenchException.class)
                    .hasMessageContaining("--duration")
                    .hasMessageContaining("10 min")
                    .hasMessageContaining(bad.toMillis() + " ms");
        }
    }

    @Test
    void rejectsNoRounds() {
        assertThatThrownBy(() -> new NetworkBenchmark(NetworkPath.VETH).run(options(0, Duration.ofSeconds(1)), Progress.NONE))
                .isInstanceOf(BenchException.class)
                .hasMessageContaining("--rounds")
                .hasMessageContaining("0");
    }

    @Test
    void rejectsAStreamCountOutOfRange() {
        assertThatThrownBy(() -> new NetworkBenchmark(NetworkPath.LOOPBACK, 0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("streams");
        assertThatThrownBy(() -> new NetworkBenchmark(NetworkPath.LOOPBACK, 129)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("128");
    }
}
