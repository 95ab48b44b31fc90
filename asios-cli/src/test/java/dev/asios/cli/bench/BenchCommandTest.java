package dev.asios.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asios.cli.CliRun;
import dev.asios.cli.ExitCodes;
import org.junit.jupiter.api.Test;

/** {@code asios bench} refuses bad options with one line naming the option, before measuring anything. */
class BenchCommandTest {

    @Test
    void anUnknownTargetIsNamed() {
        CliRun run = CliRun.of("bench", "disk");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).isEqualTo("asios: target 'disk': expected jitter, memory, storage, network or all\n");
    }

    @Test
    void theTargetNotBuiltYetIsSaid() {
        assertThat(CliRun.of("bench", "e2e").err()).contains("target 'e2e'");
    }

    @Test
    void badOptionsAreNamedBeforeAnythingRuns() {
        assertThat(CliRun.of("bench", "jitter", "--rounds", "0").err()).contains("--rounds 0: expected 1 to 1000");
        assertThat(CliRun.of("bench", "jitter", "--duration", "-5s").err()).contains("--duration '-5s'");
        assertThat(CliRun.of("bench", "jitter", "--path", "wifi").err()).contains("--path 'wifi': expected loopback or veth");
        assertThat(CliRun.of("bench", "network", "--streams", "0").err()).contains("--streams 0");
        assertThat(CliRun.of("bench", "memory", "--size", "lots").err()).contains("--size 'lots'");
        assertThat(CliRun.of("bench", "jitter", "--cpus", "x").err()).contains("--cpus 'x'");
        assertThat(CliRun.of("bench", "jitter", "--rt", "99").err()).contains("--rt 99");
    }

    @Test
    void aCpuThatDoesNotExistIsRefusedByTheBenchmark() {
        CliRun run = CliRun.of("bench", "jitter", "--cpus", "4000", "--rounds", "1", "--duration", "1s");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains("--cpus").contains("4000");
    }

    @Test
    void storageRefusesADirectoryWithoutStorage() {
        CliRun run = CliRun.of("bench", "storage", "--dir", "/proc", "--rounds", "1");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains("--dir");
    }
}
