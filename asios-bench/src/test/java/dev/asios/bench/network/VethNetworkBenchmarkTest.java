package dev.asios.bench.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asios.bench.BenchException;
import dev.asios.bench.BenchOptions;
import dev.asios.bench.Progress;
import dev.asios.bench.TargetResult;
import dev.asios.host.parse.CpuSet;
import dev.asios.run.command.BoundedCommand;
import dev.asios.run.command.CommandFailure;
import dev.asios.run.command.CommandResolver;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The veth path on the real host: needs root and iproute2. */
@Tag("host")
class VethNetworkBenchmarkTest {

    private static final String OURS = "asios-bench-a-" + ProcessHandle.current().pid() + "-";

    @Test
    void oneShortRoundOverVethLeavesNoNamespaceBehind() throws BenchException, CommandFailure {
        TargetResult result = new NetworkBenchmark(NetworkPath.VETH).run(NetworkBenchmarkOptionsTest.options(1, Duration.ofSeconds(2)), Progress.NONE);

        assertThat(result.probe().samples()).singleElement().satisfies(gbps -> assertThat(gbps).isPositive());
        assertThat(result.probe().method()).contains("veth", VethNamespaces.SENDER_ADDRESS, VethNamespaces.RECEIVER_ADDRESS);
        result.reference().ifPresent(reference -> assertThat(reference.command()).contains("netns", "exec", VethNamespaces.RECEIVER_ADDRESS));
        assertThat(namespaces()).doesNotContain(OURS).doesNotContain(OURS.replace("-a-", "-b-"));
        assertThat(BoundedCommand.run(List.of("ip", "-o", "link", "show"), Duration.ofSeconds(10))).doesNotContain("asios-rx", "asios-tx");
    }

    @Test
    void namespacesAreRemovedAlsoWhenARoundFails() throws CommandFailure {
        BenchOptions unusableCpu = new BenchOptions(1, Duration.ofSeconds(2), CpuSet.of(CpuSet.MAX_CPU - 1), OptionalLong.empty(), Optional.empty(),
                OptionalInt.empty(), Optional.empty());

        assertThatThrownBy(() -> new NetworkBenchmark(NetworkPath.VETH).run(unusableCpu, Progress.NONE))
                .isInstanceOf(BenchException.class)
                .hasMessageContaining("cannot pin");
        assertThat(namespaces()).doesNotContain(OURS).doesNotContain(OURS.replace("-a-", "-b-"));
    }

    @Test
    void createMakesBothNamespacesAndCloseRemovesThem() throws BenchException, CommandFailure {
        Path ip = CommandResolver.resolve("ip", Objects.requireNonNullElse(System.getenv("PATH"), "")).orElseThrow();
        List<String> made;
        try (VethNamespaces veth = VethNamespaces.create(ip)) {
            made = veth.namespaces();
            assertThat(namespaces()).contains(made.get(0), made.get(1));
            assertThat(BoundedCommand.run(List.of(ip.toString(), "-n", made.get(0), "-o", "addr", "show"), Duration.ofSeconds(10)))
                    .contains("asios-rx", VethNamespaces.RECEIVER_ADDRESS + "/30");
        }
        assertThat(namespaces()).doesNotContain(made.get(0), made.get(1));
    }

    private static String namespaces() throws CommandFailure {
        return BoundedCommand.run(List.of("ip", "netns", "list"), Duration.ofSeconds(10));
    }
}
