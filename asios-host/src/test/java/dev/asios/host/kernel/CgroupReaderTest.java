package dev.asios.host.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asios.host.sysroot.SysfsTree;
import dev.asios.host.sysroot.SysrootValues;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CgroupReaderTest {

    private static final Optional<KernelVersion> KERNEL_6_8 = Optional.of(new KernelVersion(6, 8, 0));

    @Test
    void ubuntu2404IsV2OnlyWithIsolatedPartitions(@TempDir Path root) {
        SysrootValues values = KernelTrees.ubuntu2404(root).values();
        Cgroups cgroups = new CgroupReader(values).read(KERNEL_6_8).orElseThrow();
        assertThat(cgroups.version()).isEqualTo(CgroupVersion.V2);
        assertThat(cgroups.mounts()).containsExactly(new CgroupMount(CgroupVersion.V2, "/sys/fs/cgroup",
                List.of("cpu", "cpuset", "hugetlb", "io", "memory", "misc", "pids", "rdma"), Optional.empty()));
        assertThat(cgroups.cpusetOnV2()).isTrue();
        assertThat(cgroups.isolatedPartitions()).isTrue();
        assertThat(new CgroupReader(values).read(Optional.of(new KernelVersion(5, 15, 0))).orElseThrow().isolatedPartitions()).isFalse();
        assertThat(new CgroupReader(values).read(Optional.empty()).orElseThrow().isolatedPartitions()).isFalse();
        assertThat(values.sysroot().diagnostics().warnings()).isEmpty();
    }

    @Test
    void partitionsNeedCpusetEnabledForChildren(@TempDir Path root) {
        SysfsTree tree = KernelTrees.empty(root)
                .file("/proc/self/mountinfo", KernelTrees.UBUNTU_MOUNTINFO)
                .file("/sys/fs/cgroup/cgroup.controllers", "cpuset cpu memory\n")
                .file("/sys/fs/cgroup/cgroup.subtree_control", "cpu memory\n")
                .folder("/sys/fs/cgroup/system.slice");
        SysrootValues values = tree.values();
        assertThat(new CgroupReader(values).read(KERNEL_6_8).orElseThrow().isolatedPartitions()).isFalse();
        tree.file("/sys/fs/cgroup/system.slice/cpuset.cpus.partition", "member\n");
        assertThat(new CgroupReader(values).read(KERNEL_6_8).orElseThrow().isolatedPartitions()).isTrue();
    }

    @Test
    void v1HostListsControllersAndNamedHierarchies(@TempDir Path root) {
        SysrootValues values = KernelTrees.empty(root).file("/proc/self/mountinfo", KernelTrees.V1_MOUNTINFO).values();
        Cgroups cgroups = new CgroupReader(values).read(KERNEL_6_8).orElseThrow();
        assertThat(cgroups.version()).isEqualTo(CgroupVersion.V1);
        assertThat(cgroups.mounts()).containsExactly(
                new CgroupMount(CgroupVersion.V1, "/sys/fs/cgroup/systemd", List.of(), Optional.of("systemd")),
                new CgroupMount(CgroupVersion.V1, "/sys/fs/cgroup/cpu,cpuacct", List.of("cpu", "cpuacct"), Optional.empty()),
                new CgroupMount(CgroupVersion.V1, "/sys/fs/cgroup/cpuset", List.of("cpuset"), Optional.empty()),
                new CgroupMount(CgroupVersion.V1, "/sys/fs/cgroup/memory", List.of("memory"), Optional.empty()));
        assertThat(cgroups.cpusetOnV2()).isFalse();
        assertThat(cgroups.isolatedPartitions()).isFalse();
    }

    @Test
    void hybridHostHasAnEmptyUnifiedHierarchy(@TempDir Path root) {
        SysrootValues values = KernelTrees.empty(root)
                .file("/proc/self/mountinfo", KernelTrees.V1_MOUNTINFO + "41 31 0:38 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw\n")
                .file("/sys/fs/cgroup/unified/cgroup.controllers", "\n")
                .values();
        Cgroups cgroups = new CgroupReader(values).read(KERNEL_6_8).orElseThrow();
        assertThat(cgroups.version()).isEqualTo(CgroupVersion.HYBRID);
        assertThat(cgroups.mounts().getLast()).isEqualTo(new CgroupMount(CgroupVersion.V2, "/sys/fs/cgroup/unified", List.of(), Optional.empty()));
        assertThat(cgroups.cpusetOnV2()).isFalse();
        assertThat(values.sysroot().diagnostics().warnings()).isEmpty();
    }

    @Test
    void usesProcMountsWithoutMountinfo(@TempDir Path root) {
        SysrootValues values = KernelTrees.empty(root)
                .file("/proc/mounts", "none /cgroup/memory cgroup rw,relatime,memory,release_agent=/x 0 0\nnone /cgroup/unified cgroup2 rw 0 0\n")
                .file("/cgroup/unified/cgroup.controllers", "foo bar cpuset baz\n")
                .values();
        Cgroups cgroups = new CgroupReader(values).read(KERNEL_6_8).orElseThrow();
        assertThat(cgroups.version()).isEqualTo(CgroupVersion.HYBRID);
        assertThat(cgroups.mounts().getLast().controllers()).containsExactly("bar", "baz", "cpuset", "foo");
        assertThat(cgroups.cpusetOnV2()).isTrue();
    }

    @Test
    void noCgroupMountIsNoneAndNoTableIsAbsent(@TempDir Path root) {
        SysfsTree tree = KernelTrees.empty(root);
        SysrootValues values = tree.values();
        assertThat(new CgroupReader(values).read(KERNEL_6_8)).isEmpty();
        tree.file("/proc/mounts", "proc /proc proc rw 0 0\n");
        assertThat(new CgroupReader(values).read(KERNEL_6_8).orElseThrow().version()).isEqualTo(CgroupVersion.NONE);
    }

    @Test
    void garbledTablesAndEscapingMountPointsAreWarnings(@TempDir Path root) {
        SysfsTree tree = KernelTrees.empty(root).file("/proc/self/mountinfo", "22 1 0:21 / /proc rw\n");
        SysrootValues values = tree.values();
        assertThat(new CgroupReader(values).read(KERNEL_6_8)).isEmpty();
        tree.file("/proc/self/mountinfo", "41 31 0:38 / /sys/../../etc rw - cgroup2 cgroup2 rw\n41 31 0:38 / relative rw - cgroup cgroup rw,cpu\n");
        assertThat(new CgroupReader(values).read(KERNEL_6_8).orElseThrow().mounts()).isEmpty();
        assertThat(values.sysroot().diagnostics().warnings()).hasSize(3).allMatch(w -> w.path().equals("/proc/self/mountinfo"));
    }
}
