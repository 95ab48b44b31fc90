package dev.asios.bench.place;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asios.bench.BenchException;
import dev.asios.host.parse.CpuSet;
import dev.asios.host.sysroot.SysfsTree;
import dev.asios.host.sysroot.Sysroot;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark's cgroup in the isolated cpuset, on a recorded cgroup v1 host whose CPUs 2-3 are
 * isolated: when there is one, and when not. Making one needs the kernel (a new cgroup's
 * files appear by themselves): {@code IsolatedAbHostTest} makes one on this host.
 */
class BenchCageTest {

    private static final String CPUSET = "/sys/fs/cgroup/cpuset";
    private static final String ISOLATED = CPUSET + "/asios-isolated";

    @TempDir
    Path tmp;

    private SysfsTree tree;
    private Sysroot sysroot;

    @BeforeEach
    void host() {
        tree = new SysfsTree(tmp.resolve("root")).file("/sys/devices/system/cpu/online", "0-3\n")
                .file("/proc/self/mountinfo", "30 25 0:26 / " + CPUSET + " rw,relatime shared:9 - cgroup cgroup rw,cpuset\n")
                .file(CPUSET + "/cpuset.cpus", "0-3\n").file(CPUSET + "/cpuset.mems", "0\n").file(CPUSET + "/tasks", "1\n");
        sysroot = Sysroot.of(tmp.resolve("root"));
    }

    @Test
    void noCageWhereNoProfileIsolatesCpus() throws BenchException {
        assertThat(BenchCage.forCpus(sysroot, CpuSet.of(3))).isEmpty();
    }

    @Test
    void noCageForHousekeepingCpus() throws BenchException {
        isolate();

        assertThat(BenchCage.forCpus(sysroot, CpuSet.of(0, 1))).isEmpty();
    }

    @Test
    void cpusThatMixIsolatedAndHousekeepingAreRefused() {
        isolate();

        assertThatThrownBy(() -> BenchCage.forCpus(sysroot, CpuSet.of(1, 2))).isInstanceOf(BenchException.class)
                .hasMessageContaining("mixes CPUs that the active profile isolates (2-3)");
    }

    private void isolate() {
        tree.file(ISOLATED + "/cpuset.cpus", "2-3\n").file(ISOLATED + "/cpuset.mems", "0\n").file(ISOLATED + "/tasks", "");
    }
}
