package dev.asios.bench.ab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.asios.bench.BenchOptions;
import dev.asios.bench.Progress;
import dev.asios.bench.TargetResult;
import dev.asios.bench.jitter.JitterBenchmark;
import dev.asios.host.inspect.HostInspector;
import dev.asios.host.inspect.HostSnapshot;
import dev.asios.host.kernel.CgroupMount;
import dev.asios.host.parse.CpuSet;
import dev.asios.host.sysroot.Sysroot;
import dev.asios.tune.apply.TuneStatus;
import dev.asios.tune.profile.Profile;
import dev.asios.tune.profile.ProfileLoader;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A/B of the jitter target against {@code inference} on this host: the tuned run measures the
 * isolated CPU from inside the isolated cpuset (probes in a child JVM, cyclictest through the join
 * script), the baseline the same CPU untuned, and afterwards neither the profile nor a cgroup of the
 * benchmark is left.
 */
@Tag("host")
@Tag("slow")
class IsolatedAbHostTest {

    @TempDir
    Path tmp;

    @Test
    void jitterAgainstInferenceMeasuresTheIsolatedCpuFromInsideItsCpusetAndLeavesNothing() throws Exception {
        Sysroot sysroot = Sysroot.host();
        HostSnapshot host = new HostInspector(sysroot).inspect();
        assumeTrue(ProcessHandle.current().info().user().map("root"::equals).orElse(false), "needs root");
        assumeTrue(host.cpu().onlineCpus().size() >= 2, "needs two CPUs");
        Optional<CgroupMount> cpuset = host.kernel().cgroups().flatMap(c -> c.mounts().stream()
                .filter(m -> m.controllers().contains("cpuset")).findFirst());
        assumeTrue(cpuset.isPresent(), "needs the cpuset controller");
        Profile inference = new ProfileLoader(tmp.resolve("no-user-profiles")).load("inference");
        CpuSet isolated = inference.isolatedCpus(host.cpu(), host.numa()).orElseThrow();
        Path journal = tmp.resolve("journal");
        BenchOptions options = new BenchOptions(1, Duration.ofSeconds(1), CpuSet.empty(), OptionalLong.empty(), Optional.empty(),
                OptionalInt.empty(), Optional.empty());

        AbResult result = new AbRunner(sysroot, journal, inference, Clock.systemUTC()).run(new JitterBenchmark(), options, 1, Progress.NONE);

        TargetResult tuned = result.tuned().getFirst();
        TargetResult untuned = result.baseline().getFirst();
        assertThat(tuned.probe().method()).contains("inside the isolated cpuset", "CPU " + isolated.toArray()[isolated.size() - 1]);
        assertThat(untuned.probe().method()).doesNotContain("isolated cpuset");
        assertThat(tuned.probe().samples()).allMatch(p99 -> p99 >= 0);
        assertThat(tuned.distributions()).isNotEmpty();
        assertThat(result.notes()).anyMatch(note -> note.startsWith("inference isolates CPUs " + isolated.toList()));
        assertThat(TuneStatus.read(sysroot, journal).inactive()).isTrue();
        String mount = cpuset.get().mountPoint();
        assertThat(sysroot.isDirectory(mount + "/asios-isolated")).as("the isolated cpuset is rolled back").isFalse();
    }
}
