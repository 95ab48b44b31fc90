package dev.asios.run.launch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asios.host.kernel.CgroupMount;
import dev.asios.host.kernel.CgroupVersion;
import dev.asios.host.kernel.Cgroups;
import dev.asios.run.launch.CgroupLayout.Hierarchy;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CgroupLayoutTest {

    @Test
    void ubuntuHasEveryControllerInTheUnifiedHierarchy() {
        Cgroups cgroups = new Cgroups(CgroupVersion.V2, List.of(v2("cpuset", "cpu", "io", "memory", "hugetlb", "pids", "rdma", "misc")), true, true);

        CgroupLayout layout = CgroupLayout.of(cgroups);

        assertThat(layout.hierarchies()).containsExactly(new Hierarchy(CgroupVersion.V2, "/sys/fs/cgroup",
                Set.of(Controller.CPUSET, Controller.CPU, Controller.IO, Controller.MEMORY, Controller.PIDS)));
        assertThat(layout.missing()).isEmpty();
    }

    @Test
    void aHybridHostUsesTheV1HierarchyOfEachController() {
        Cgroups cgroups = new Cgroups(CgroupVersion.HYBRID, List.of(v1("cpu"), v1("cpuacct"), v1("cpuset"), v1("memory"), v1("blkio"), v1("pids"),
                new CgroupMount(CgroupVersion.V1, "/sys/fs/cgroup/systemd", List.of(), Optional.of("systemd")),
                new CgroupMount(CgroupVersion.V2, "/sys/fs/cgroup/unified", List.of("hugetlb"), Optional.empty())), false, false);

        CgroupLayout layout = CgroupLayout.of(cgroups);

        assertThat(layout.hierarchies()).extracting(Hierarchy::mountPoint).containsExactly("/sys/fs/cgroup/cpuset", "/sys/fs/cgroup/memory",
                "/sys/fs/cgroup/cpu", "/sys/fs/cgroup/cpuacct", "/sys/fs/cgroup/blkio", "/sys/fs/cgroup/pids");
        assertThat(layout.of(Controller.IO)).map(Hierarchy::version).contains(CgroupVersion.V1);
        assertThat(layout.missing()).isEmpty();
    }

    @Test
    void coMountedV1ControllersShareOneFolder() {
        Cgroups cgroups = new Cgroups(CgroupVersion.V1, List.of(v1("cpu", "cpuacct"), v1("cpuset"), v1("memory")), false, false);

        CgroupLayout layout = CgroupLayout.of(cgroups);

        assertThat(layout.of(Controller.CPU)).map(Hierarchy::controllers).contains(Set.of(Controller.CPU, Controller.CPUACCT));
        assertThat(layout.missing()).containsExactlyInAnyOrder(Controller.IO, Controller.PIDS);
    }

    @Test
    void theRunCgroupsArePlannedUnderTheRunsParentOrTheIsolatedCpuset() {
        CgroupLayout layout = CgroupLayout.of(new Cgroups(CgroupVersion.V1, List.of(v1("cpuset"), v1("memory")), false, false));
        CgroupLimits limits = new CgroupLimits(dev.asios.host.parse.CpuSet.of(1), dev.asios.host.parse.CpuSet.of(0),
                java.util.OptionalLong.of(1L << 30), java.util.OptionalInt.empty(), java.util.OptionalInt.empty(), java.util.OptionalInt.of(64));

        assertThat(RunCgroup.plan(layout, "20261125-070000-abcd", true, limits))
                .containsEntry("/sys/fs/cgroup/cpuset/asios-isolated/run-20261125-070000-abcd", List.of("cpuset.cpus = 1", "cpuset.mems = 0"))
                .containsEntry("/sys/fs/cgroup/memory/asios-runs/run-20261125-070000-abcd", List.of("memory.limit_in_bytes = 1073741824"));
    }

    private static CgroupMount v2(String... controllers) {
        return new CgroupMount(CgroupVersion.V2, "/sys/fs/cgroup", List.of(controllers), Optional.empty());
    }

    private static CgroupMount v1(String... controllers) {
        return new CgroupMount(CgroupVersion.V1, "/sys/fs/cgroup/" + String.join(",", controllers), List.of(controllers), Optional.empty());
    }
}
