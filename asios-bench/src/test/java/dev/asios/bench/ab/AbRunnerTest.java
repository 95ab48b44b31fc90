package dev.asios.bench.ab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asios.bench.BenchException;
import dev.asios.bench.BenchOptions;
import dev.asios.bench.Benchmark;
import dev.asios.bench.Direction;
import dev.asios.bench.Measurement;
import dev.asios.bench.Progress;
import dev.asios.bench.Target;
import dev.asios.bench.TargetResult;
import dev.asios.host.parse.CpuSet;
import dev.asios.host.sysroot.SysfsTree;
import dev.asios.host.sysroot.Sysroot;
import dev.asios.tune.apply.ExecutionListener;
import dev.asios.tune.apply.PlanExecutor;
import dev.asios.tune.profile.Profile;
import dev.asios.tune.profile.ProfileLoader;
import dev.asios.tune.tunable.Planner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A/B on a recorded tree whose "benchmark" reads {@code vm.swappiness}: the tuned runs see the
 * profile's value, the baseline runs the original, and the tree ends as it began.
 */
class AbRunnerTest {

    private static final String SWAPPINESS = "/proc/sys/vm/swappiness";
    private static final BenchOptions OPTIONS = new BenchOptions(1, Duration.ofSeconds(1), CpuSet.empty(), OptionalLong.empty(), Optional.empty(),
            OptionalInt.empty(), Optional.empty());

    @TempDir
    Path tmp;

    private Sysroot sysroot;
    private Profile profile;

    @BeforeEach
    void host() throws Exception {
        new SysfsTree(tmp.resolve("root")).file(SWAPPINESS, "60\n").file("/sys/devices/system/cpu/online", "0-1\n");
        sysroot = Sysroot.of(tmp.resolve("root"));
        Path profiles = Files.createDirectories(tmp.resolve("profiles"));
        Files.writeString(profiles.resolve("low-swap.yaml"), "name: low-swap\ndescription: test\nmemory:\n  swappiness: 10\n");
        profile = new ProfileLoader(profiles).load("low-swap");
    }

    @Test
    void runsBaselineAndTunedAlternatelyAndLeavesTheHostAsItWas() throws Exception {
        List<String> seen = new ArrayList<>();

        AbResult result = new AbRunner(sysroot, tmp.resolve("journal"), profile, Clock.systemUTC()).run(swappiness(seen), OPTIONS, 2, Progress.NONE);

        assertThat(seen).containsExactly("60", "10", "60", "10");
        assertThat(result.probeRatios()).containsExactly(10 / 60.0, 10 / 60.0);
        assertThat(result.profile()).isEqualTo("low-swap");
        assertThat(sysroot.readTrimmed(SWAPPINESS)).contains("60");
        java.io.StringWriter text = new java.io.StringWriter();
        dev.asios.bench.report.AbReport.print(result, new java.io.PrintWriter(text, true));
        assertThat(text.toString()).contains("memory: untuned against low-swap, 2 pairs", "asios probe: median 0.167 (min 0.167, max 0.167)");
        assertThat(dev.asios.bench.report.AbReport.json(result, new dev.asios.bench.report.BenchJson()).path("pairs")).hasSize(2);
    }

    @Test
    void aBenchmarkThatFailsWhileTunedStillRollsBack() {
        Benchmark failing = new Benchmark() {
            private int runs;

            @Override
            public Target target() {
                return Target.MEMORY;
            }

            @Override
            public TargetResult run(BenchOptions options, Progress progress) throws BenchException {
                if (++runs == 2) {
                    throw new BenchException("probe failed");
                }
                return result(1.0);
            }
        };

        assertThatThrownBy(() -> new AbRunner(sysroot, tmp.resolve("journal"), profile, Clock.systemUTC()).run(failing, OPTIONS, 1, Progress.NONE))
                .hasMessage("probe failed");
        assertThat(sysroot.readTrimmed(SWAPPINESS)).contains("60");
    }

    @Test
    void anActiveProfileIsRefusedBeforeAnythingRuns() {
        var host = new dev.asios.host.inspect.HostInspector(sysroot).inspect();
        new PlanExecutor(sysroot, tmp.resolve("journal"), Clock.systemUTC(), ExecutionListener.NONE).apply(Planner.builtIn().plan(profile, host, sysroot));
        List<String> seen = new ArrayList<>();

        assertThatThrownBy(() -> new AbRunner(sysroot, tmp.resolve("journal"), profile, Clock.systemUTC()).run(swappiness(seen), OPTIONS, 1, Progress.NONE))
                .isInstanceOf(BenchException.class).hasMessageContaining("a tuning profile is active (low-swap)");
        assertThat(seen).isEmpty();
    }

    @Test
    void withAProfileThatIsolatesCpusJitterRunsOnTheIsolatedCpusAndMemoryOnTheOthersOnBothSides() throws Exception {
        Profile shield = isolating();
        List<CpuSet> jitterCpus = new ArrayList<>();
        List<CpuSet> memoryCpus = new ArrayList<>();
        AbRunner runner = new AbRunner(sysroot, tmp.resolve("journal"), shield, Clock.systemUTC());

        AbResult jitter = runner.run(recordingCpus(Target.JITTER, jitterCpus), OPTIONS, 1, Progress.NONE);
        runner.run(recordingCpus(Target.MEMORY, memoryCpus), OPTIONS, 1, Progress.NONE);

        assertThat(jitterCpus).containsExactly(CpuSet.of(1), CpuSet.of(1));
        assertThat(memoryCpus).containsExactly(CpuSet.of(0), CpuSet.of(0));
        assertThat(jitter.notes()).contains("shield isolates CPUs 1: both sides of every pair ran on the isolated CPUs 1");
        assertThat(sysroot.readTrimmed(SWAPPINESS)).contains("60");
    }

    @Test
    void cpusOnTheWrongSideOfTheIsolationAreRefusedBeforeAnythingRuns() throws Exception {
        List<CpuSet> seen = new ArrayList<>();

        assertThatThrownBy(() -> new AbRunner(sysroot, tmp.resolve("journal"), isolating(), Clock.systemUTC())
                .run(recordingCpus(Target.JITTER, seen), OPTIONS.withCpus(CpuSet.of(0)), 1, Progress.NONE))
                .isInstanceOf(BenchException.class)
                .hasMessage("--cpus 0: with --ab shield, jitter runs on the CPUs the profile leaves isolated (1); choose among them");
        assertThat(seen).isEmpty();
    }

    private Profile isolating() throws Exception {
        for (int cpu = 0; cpu < 2; cpu++) {
            new SysfsTree(tmp.resolve("root")).file("/sys/devices/system/cpu/cpu" + cpu + "/topology/core_id", cpu + "\n")
                    .file("/sys/devices/system/cpu/cpu" + cpu + "/topology/physical_package_id", "0\n");
        }
        Path profiles = Files.createDirectories(tmp.resolve("isolating"));
        Files.writeString(profiles.resolve("shield.yaml"), "name: shield\ndescription: test\ncpu:\n  isolate: \"1\"\n");
        return new ProfileLoader(profiles).load("shield");
    }

    /** A benchmark of {@code target} that notes the CPUs it was given. */
    private static Benchmark recordingCpus(Target target, List<CpuSet> seen) {
        return new Benchmark() {
            @Override
            public Target target() {
                return target;
            }

            @Override
            public TargetResult run(BenchOptions options, Progress progress) {
                seen.add(options.cpus());
                return result(1.0);
            }
        };
    }

    /** A benchmark whose one sample is the host's swappiness, so the tests see which state it ran in. */
    private Benchmark swappiness(List<String> seen) {
        return new Benchmark() {
            @Override
            public Target target() {
                return Target.MEMORY;
            }

            @Override
            public TargetResult run(BenchOptions options, Progress progress) {
                String value = sysroot.readTrimmed(SWAPPINESS).orElseThrow();
                seen.add(value);
                return result(Double.parseDouble(value));
            }
        };
    }

    private static TargetResult result(double sample) {
        return new TargetResult(Target.MEMORY, new Measurement("asios", "swappiness", "", Direction.HIGHER_IS_BETTER, List.of(sample), "read", List.of()),
                Optional.empty(), Optional.of("none"), List.of());
    }
}
