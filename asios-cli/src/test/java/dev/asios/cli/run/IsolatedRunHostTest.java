package dev.asios.cli.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.asios.cli.CliRun;
import dev.asios.cli.Privileges;
import dev.asios.host.inspect.HostInspector;
import dev.asios.host.inspect.HostSnapshot;
import dev.asios.host.parse.CpuSet;
import dev.asios.host.sysroot.Sysroot;
import dev.asios.tune.apply.ExecutionListener;
import dev.asios.tune.apply.Outcome;
import dev.asios.tune.apply.PlanExecutor;
import dev.asios.tune.apply.Rollback;
import dev.asios.tune.profile.Profile;
import dev.asios.tune.profile.ProfileLoader;
import dev.asios.tune.tunable.Planner;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The evidence of {@code asios run --isolate}: with the {@code inference} profile applied to this
 * host, a CPU-bound program runs on the isolated CPUs and nowhere else, by the per-CPU time of its
 * perf counters; the profile is rolled back in {@code finally}.
 */
@Tag("host")
class IsolatedRunHostTest {

    @TempDir
    Path tmp;

    @Test
    void aCpuBoundRunOnIsolatedCpusNeverRunsElsewhere() throws Exception {
        assumeTrue(Privileges.root(), "needs root");
        Sysroot sysroot = Sysroot.host();
        HostSnapshot host = new HostInspector(sysroot).inspect();
        assumeTrue(host.cpu().onlineCpus().size() >= 2, "needs two CPUs");
        Profile inference = new ProfileLoader(tmp.resolve("no-user-profiles")).load("inference");
        CpuSet isolated = inference.isolatedCpus(host.cpu(), host.numa()).orElseThrow();
        Path journal = tmp.resolve("journal");
        RunParents parents = RunParents.before(sysroot);
        try {
            new PlanExecutor(sysroot, journal, Clock.systemUTC(), ExecutionListener.NONE).apply(Planner.builtIn().plan(inference, host, sysroot));

            CliRun run = CliRun.of("run", "--state", tmp.resolve("state").toString(), "--isolate", "--json", "--",
                    "sh", "-c", "i=0; while [ $i -lt 400000 ]; do i=$((i+1)); done");

            assertThat(run.exitCode()).as(run.err()).isZero();
            JsonNode report = new ObjectMapper().readTree(run.err());
            assertThat(CpuSet.parseList(report.path("placement").path("cpus").asText())).isEqualTo(isolated);
            assertThat(report.path("cpusOutsidePlacement").asText()).isEmpty();
            Map<Integer, Long> perCpu = perCpu(report.path("perf").path("perCpuNanos"));
            long onIsolated = perCpu.entrySet().stream().filter(e -> isolated.contains(e.getKey())).mapToLong(Map.Entry::getValue).sum();
            long elsewhere = perCpu.entrySet().stream().filter(e -> !isolated.contains(e.getKey())).mapToLong(Map.Entry::getValue).sum();
            assertThat(onIsolated).as("ns on the isolated CPUs").isGreaterThan(100_000_000L);
            assertThat(elsewhere).as("ns on any other CPU").isZero();
        } finally {
            List<Outcome> restored = new Rollback(sysroot, journal, Clock.systemUTC(), ExecutionListener.NONE).run();
            parents.restore(tmp.resolve("scratch"));
            assertThat(restored).allMatch(Outcome::ok);
        }
    }

    private static Map<Integer, Long> perCpu(JsonNode node) {
        Map<Integer, Long> times = new java.util.TreeMap<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            times.put(Integer.parseInt(e.getKey()), e.getValue().asLong());
        }
        return times;
    }
}
