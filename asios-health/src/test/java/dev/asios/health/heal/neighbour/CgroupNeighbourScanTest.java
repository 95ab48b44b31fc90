package dev.asios.health.heal.neighbour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asios.host.kernel.CgroupVersion;
import dev.asios.host.kernel.Cgroups;
import dev.asios.host.sysroot.SysfsTree;
import dev.asios.host.sysroot.Sysroot;
import dev.asios.observe.runs.TrackedRun;
import dev.asios.observe.runs.TrackedRuns;
import dev.asios.run.launch.Controller;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The neighbour chosen on cgroup v1 and v2 trees: the biggest user of the resource, never a protected cgroup. */
class CgroupNeighbourScanTest {

    private static final Duration WINDOW = Duration.ofMillis(250);

    @TempDir
    Path root;

    private static CgroupNeighbourScan scan(SysfsTree tree, Cgroups cgroups, TrackedRuns runs, CgroupNeighbourScan.Pause pause) {
        return new CgroupNeighbourScan(tree.sysroot(), cgroups, runs, WINDOW, pause);
    }

    private static CgroupNeighbourScan.Pause nothing() {
        return window -> { };
    }

    @Test
    void onV1TheBiggestMemoryUserOutsideTheProtectedOnesIsChosenWithItsFoldersInEachHierarchy() {
        SysfsTree tree = CgroupTrees.v1Tree(root);
        Neighbour neighbour = scan(tree, CgroupTrees.hybrid(), TrackedRuns.NONE, nothing()).busiest(PressureResource.MEMORY, List.of());

        assertThat(neighbour.subject()).as("init.scope (3 GiB), the agent's (4 GiB) and a cgroup without tasks (5 GiB) are passed over")
                .isEqualTo("cgroup/batch/job");
        assertThat(neighbour.evidence()).isEqualTo("/batch/job holds 2048.0 MiB of memory, +0.0 MiB/s");
        assertThat(neighbour.controls()).isEqualTo(Map.of(
                Controller.CPU, new CgroupFolder(CgroupVersion.V1, "/sys/fs/cgroup/cpu", "/batch/job"),
                Controller.IO, new CgroupFolder(CgroupVersion.V1, "/sys/fs/cgroup/blkio", "/batch"),
                Controller.MEMORY, new CgroupFolder(CgroupVersion.V1, "/sys/fs/cgroup/memory", "/batch/job")));
    }

    @Test
    void memoryGrowthCountsForAMinuteOfIt() {
        SysfsTree tree = CgroupTrees.v1Tree(root);
        Neighbour neighbour = scan(tree, CgroupTrees.hybrid(), TrackedRuns.NONE,
                window -> tree.file("/sys/fs/cgroup/memory/web/memory.usage_in_bytes", (100L << 20) + (200L << 20) + "\n"))
                .busiest(PressureResource.MEMORY, List.of());

        assertThat(neighbour.subject()).as("300 MiB growing 800 MiB/s beats 2 GiB standing still").isEqualTo("cgroup/web");
        assertThat(neighbour.evidence()).isEqualTo("/web holds 300.0 MiB of memory, +800.0 MiB/s");
    }

    @Test
    void onV1CpuIsCountedInTheCpuacctHierarchyAndHeldBackInTheCpuOne() {
        SysfsTree tree = CgroupTrees.v1Tree(root);
        Neighbour neighbour = scan(tree, CgroupTrees.hybrid(), TrackedRuns.NONE, window -> tree
                .file("/sys/fs/cgroup/cpuacct/web/cpuacct.usage", "1200000000\n")
                .file("/sys/fs/cgroup/cpuacct/batch/job/cpuacct.usage", "1010000000\n")).busiest(PressureResource.CPU, List.of());

        assertThat(neighbour.subject()).isEqualTo("cgroup/web");
        assertThat(neighbour.evidence()).isEqualTo("/web uses 0.80 CPUs");
        assertThat(neighbour.controls().get(Controller.CPU)).isEqualTo(new CgroupFolder(CgroupVersion.V1, "/sys/fs/cgroup/cpu", "/web"));
    }

    @Test
    void theOperatorsGlobsAndTheRunsAreNeverChosen() {
        SysfsTree tree = CgroupTrees.v1Tree(root);
        assertThat(scan(tree, CgroupTrees.hybrid(), TrackedRuns.NONE, nothing()).busiest(PressureResource.MEMORY, List.of("/batch/**")).subject())
                .isEqualTo("cgroup/web");
        TrackedRuns run = () -> List.of(new TrackedRun("train-1", List.of("/sys/fs/cgroup/memory/batch", "/sys/fs/cgroup/cpu/batch")));
        assertThat(scan(tree, CgroupTrees.hybrid(), run, nothing()).busiest(PressureResource.MEMORY, List.of()).subject())
                .as("a folder below a run's is the run's").isEqualTo("cgroup/web");
    }

    @Test
    void whenEveryCgroupIsProtectedItSaysSo() {
        SysfsTree tree = CgroupTrees.v1Tree(root);
        assertThatThrownBy(() -> scan(tree, CgroupTrees.hybrid(), TrackedRuns.NONE, nothing()).busiest(PressureResource.MEMORY, List.of("/batch/*", "/web")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("no cgroup to hold back: of 5 leaf cgroups under /sys/fs/cgroup/memory, 4 are protected and none of the others with a task uses memory");
        assertThatThrownBy(() -> Neighbours.NONE.busiest(PressureResource.CPU, List.of())).hasMessageContaining("no cgroup hierarchy is mounted");
    }

    @Test
    void aNeighbourWhoseOtherFoldersAreProtectedIsHeldBackOnlyWhereItMayBe() {
        SysfsTree tree = CgroupTrees.v1Tree(root);
        Neighbour neighbour = scan(tree, CgroupTrees.hybrid(), TrackedRuns.NONE, nothing()).busiest(PressureResource.MEMORY, List.of("/batch"));
        assertThat(neighbour.controls()).as("blkio:/batch is protected").containsOnlyKeys(Controller.CPU, Controller.MEMORY);
    }

    @Test
    void onV2OneFolderHoldsEveryControllerAndIoCountsBytesAndOperations() {
        SysfsTree tree = CgroupTrees.v2Tree(root);
        Neighbour memory = scan(tree, CgroupTrees.unified(), TrackedRuns.NONE, nothing()).busiest(PressureResource.MEMORY, List.of());
        CgroupFolder backup = new CgroupFolder(CgroupVersion.V2, "/sys/fs/cgroup", "/system.slice/backup.service");
        assertThat(memory.subject()).isEqualTo("cgroup/system.slice/backup.service");
        assertThat(memory.controls()).isEqualTo(Map.of(Controller.CPU, backup, Controller.IO, backup, Controller.MEMORY, backup));

        Neighbour io = scan(tree, CgroupTrees.unified(), TrackedRuns.NONE, window -> tree
                .file("/sys/fs/cgroup/user.slice/session.scope/io.stat", "8:0 rbytes=1048576 wbytes=0 rios=1000 wios=0 dbytes=0 dios=0\n")
                .file("/sys/fs/cgroup/system.slice/backup.service/io.stat", "8:0 rbytes=4194304 wbytes=0 rios=10 wios=0\n"))
                .busiest(PressureResource.IO, List.of());
        assertThat(io.subject()).as("1000 operations of 1 KiB weigh more than 10 of 400 KiB").isEqualTo("cgroup/user.slice/session.scope");
        assertThat(io.evidence()).isEqualTo("/user.slice/session.scope moves 4.0 MiB/s in 4000 I/O operations/s");
    }

    @Test
    void aCgroupWhoseFileIsGarbledIsPassedOverWithAWarning() {
        SysfsTree tree = CgroupTrees.v2Tree(root).file("/sys/fs/cgroup/system.slice/backup.service/memory.current", "lots\n");
        Sysroot sysroot = tree.sysroot();
        Neighbour neighbour = new CgroupNeighbourScan(sysroot, CgroupTrees.unified(), TrackedRuns.NONE, WINDOW, nothing())
                .busiest(PressureResource.MEMORY, List.of());
        assertThat(neighbour.subject()).isEqualTo("cgroup/user.slice/session.scope");
        assertThat(sysroot.diagnostics().warnings()).anySatisfy(w -> assertThat(w.toString()).contains("backup.service"));
    }
}
