package dev.asios.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asios.cli.CliRun;
import dev.asios.host.sysroot.SysfsTree;
import dev.asios.run.place.EightGpuServer;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code asios run --dry-run} on the recorded 8-GPU two-socket server, with cgroup v2 as on Ubuntu. */
class RunCommandRecordedTest {

    @TempDir
    Path root;

    @BeforeEach
    void server() {
        SysfsTree tree = new SysfsTree(root);
        EightGpuServer.write(tree);
        tree.file("/proc/mounts", "cgroup2 /sys/fs/cgroup cgroup2 rw,nosuid,nodev,noexec,relatime 0 0\n")
                .file("/sys/fs/cgroup/cgroup.controllers", "cpuset cpu io memory hugetlb pids rdma misc\n");
    }

    @Test
    void twoGpusWithTheirNicAndCpusArePlacedAndTheLaunchShown() {
        CliRun run = CliRun.of("run", "--sysroot", root.toString(), "--dry-run", "--gpus", "2", "--cpus-per-gpu", "4", "--rdma-nic",
                "--memory", "64G", "--", "true");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("NIC         ib0 (mlx5_0)", "CUDA_VISIBLE_DEVICES=", "CUDA_DEVICE_ORDER=PCI_BUS_ID", "NCCL_IB_HCA==mlx5_0",
                "OMP_NUM_THREADS=8", "/sys/fs/cgroup/asios-runs/run-", "memory.max = 68719476736");
        assertThat(run.out()).containsPattern("CPUs +\\S+ \\(8\\)");
    }

    @Test
    void thpIsRefusedWhereTransparentHugepagesAreNever() {
        new SysfsTree(root).file("/sys/kernel/mm/transparent_hugepage/enabled", "always madvise [never]\n");

        CliRun run = CliRun.of("run", "--sysroot", root.toString(), "--dry-run", "--thp", "--", "true");

        assertThat(run.exitCode()).isEqualTo(RunCommand.NOT_RUN);
        assertThat(run.err()).contains("--thp: transparent hugepages are 'never' on this host");
    }

    @Test
    void hugepagesBackMallocThroughGlibc() {
        CliRun run = CliRun.of("run", "--sysroot", root.toString(), "--dry-run", "--hugepages", "16", "--cpus", "2", "--", "true");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("GLIBC_TUNABLES=glibc.malloc.hugetlb=2", "malloc on HUGETLB");
    }

    @Test
    void moreGpusThanTheHostHasAreRefusedWithExit125() {
        CliRun run = CliRun.of("run", "--sysroot", root.toString(), "--dry-run", "--gpus", "9", "--", "true");

        assertThat(run.exitCode()).isEqualTo(RunCommand.NOT_RUN);
        assertThat(run.err()).startsWith("asios run: ").contains("9");
    }

    @Test
    void fourGpusOnOneNodeAreTheFourOfOneSocket() {
        CliRun run = CliRun.of("run", "--sysroot", root.toString(), "--dry-run", "--json", "--gpus", "4", "--numa", "strict", "--", "true");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("\"numaPolicy\" : \"strict\"", "\"memoryNodes\" : \"0\"", "\"CUDA_VISIBLE_DEVICES\" : \"0,1,2,3\"");
    }
}
