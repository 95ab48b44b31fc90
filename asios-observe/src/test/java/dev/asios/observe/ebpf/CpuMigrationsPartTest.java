package dev.asios.observe.ebpf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asios.host.sysroot.SysfsTree;
import dev.asios.observe.metric.MetricFamily;
import dev.asios.observe.metric.MetricRegistry;
import dev.asios.observe.runs.TrackedRun;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CpuMigrationsPartTest {

    private static final String V2 = "/sys/fs/cgroup/asios/run-a";
    private static final String V1_CPU = "/sys/fs/cgroup/cpu,cpuacct/asios/run-b";
    private static final String V1_MEMORY = "/sys/fs/cgroup/memory/asios/run-b";

    private final MetricRegistry registry = new MetricRegistry();
    private final List<TrackedRun> runs = new ArrayList<>();

    private static BpftraceMessage migrations(String json) {
        return BpftraceJsonParser.parse("{\"type\": \"map\", \"data\": {\"@migrations\": " + json + "}}");
    }

    private double total(String run) {
        return registry.family("asios_run_cpu_migrations").orElseThrow().series(run).value();
    }

    @Test
    void sumsTheMigrationsOfEachRunsThreadsOverTime(@TempDir Path root) {
        SysfsTree tree = new SysfsTree(root)
                .file(V2 + "/cgroup.threads", "100\n101\n")
                .file(V2 + "/worker/cgroup.threads", "102\n")
                .file(V1_CPU + "/tasks", "200\n201\n")
                .file(V1_MEMORY + "/tasks", "200\n201\n");
        runs.add(new TrackedRun("a", List.of(V2)));
        runs.add(new TrackedRun("b", List.of(V1_CPU, V1_MEMORY)));
        CpuMigrationsPart part = new CpuMigrationsPart(tree.sysroot(), registry, () -> List.copyOf(runs));

        part.accept(migrations("{\"100\": 3, \"102\": 2, \"200\": 1, \"999\": 50}"));
        part.accept(migrations("{\"101\": 1, \"201\": 4}"));

        assertThat(total("a")).isEqualTo(6);
        assertThat(total("b")).as("the same threads in two v1 hierarchies count once").isEqualTo(5);
    }

    @Test
    void aRunThatEndedLosesItsSeries(@TempDir Path root) {
        SysfsTree tree = new SysfsTree(root).file(V2 + "/cgroup.procs", "100\n");
        runs.add(new TrackedRun("a", List.of(V2)));
        runs.add(new TrackedRun("gone-folder", List.of("/sys/fs/cgroup/asios/missing")));
        CpuMigrationsPart part = new CpuMigrationsPart(tree.sysroot(), registry, () -> List.copyOf(runs));
        MetricFamily family = registry.family("asios_run_cpu_migrations").orElseThrow();

        part.accept(migrations("{\"100\": 2}"));
        assertThat(total("a")).isEqualTo(2);
        assertThat(family.allSeries()).hasSize(2);

        runs.clear();
        part.accept(migrations("{\"100\": 2}"));
        assertThat(family.allSeries()).isEmpty();
    }
}
