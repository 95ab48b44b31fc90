package dev.asios.tune.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asios.host.inspect.ConformanceDumps;
import dev.asios.host.inspect.HostInspector;
import dev.asios.host.inspect.HostSnapshot;
import dev.asios.host.parse.CpuSet;
import dev.asios.host.sysroot.SysfsTree;
import dev.asios.host.sysroot.Sysroot;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cpu.isolate} on recorded machines and on a small built tree. */
class IsolationResolverTest {

    private static HostSnapshot dump(String name) {
        return new HostInspector(Sysroot.of(ConformanceDumps.sysroot(name))).inspect();
    }

    private static CpuSet resolve(String spec, int housekeepingPerNode, HostSnapshot host) {
        return IsolationResolver.resolve(spec, housekeepingPerNode, host.cpu(), host.numa());
    }

    @Test
    void autoKeepsTheFirstCoreOfEachNode() {
        HostSnapshot host = dump("16amd64-8n2c");

        CpuSet isolated = resolve("auto", 1, host);

        CpuSet housekeeping = host.cpu().onlineCpus().andNot(isolated);
        assertThat(housekeeping.size()).isEqualTo(8);
        host.numa().nodes().forEach(node -> {
            assertThat(node.cpus().and(housekeeping)).isEqualTo(CpuSet.of(node.cpus().first()));
        });
    }

    @Test
    void autoWithTwoHousekeepingCoresPerNodeLeavesNothingToIsolateOnTwoCoreNodes() {
        HostSnapshot host = dump("16amd64-8n2c");

        assertThatThrownBy(() -> resolve("auto", 2, host))
                .isInstanceOf(ProfileException.class)
                .hasMessage("cpu.isolate 'auto' with housekeepingPerNode 2 isolates no CPU on this host (online: 0-15); "
                        + "lower housekeepingPerNode or use none");
    }

    @Test
    void autoKeepsEveryHardwareThreadOfAHousekeepingCore() {
        HostSnapshot host = dump("16em64t-4s2c2t");
        CpuSet firstCore = host.cpu().cores().getFirst().cpus();

        CpuSet isolated = resolve("auto", 1, host);

        assertThat(firstCore.size()).isEqualTo(2);
        assertThat(isolated).isEqualTo(host.cpu().onlineCpus().andNot(firstCore));
        assertThat(isolated.size()).isEqualTo(14);
    }

    @Test
    void autoSkipsOfflineCpus() {
        HostSnapshot host = dump("16em64t-4s2c2t-offlines");

        CpuSet isolated = resolve("auto", 1, host);

        assertThat(host.cpu().onlineCpus().containsAll(isolated)).isTrue();
        assertThat(isolated.intersects(CpuSet.of(2, 5, 13, 14))).isFalse();
        assertThat(host.cpu().onlineCpus().andNot(isolated)).isEqualTo(host.cpu().cores().getFirst().cpus());
    }

    @Test
    void autoOnFourNodesKeepsOneCorePerNode() {
        HostSnapshot host = dump("40intel64-2g2n4c+pcilocality");

        CpuSet isolated = resolve("auto", 2, host);

        assertThat(isolated.size()).isEqualTo(40 - 4 * 2);
    }

    @Test
    void autoOnARecordedTwoCpuMachineKeepsCpuZero() {
        assertThat(resolve("auto", 1, dump("2arm-2c"))).isEqualTo(CpuSet.of(1));
    }

    @Test
    void explicitListMustBeOnline() {
        HostSnapshot host = dump("16em64t-4s2c2t-offlines");

        assertThat(resolve("8-11", 1, host)).isEqualTo(CpuSet.parseList("8-11"));
        assertThatThrownBy(() -> resolve("1-3", 1, host))
                .isInstanceOf(ProfileException.class)
                .hasMessage("cpu.isolate '1-3': CPUs 2 are not online on this host (online: 0-1,3-4,6-12,15)");
        assertThatThrownBy(() -> resolve("16-31", 1, host)).hasMessageContaining("CPUs 16-31 are not online");
    }

    @Test
    void isolatingEveryCpuIsRefused() {
        HostSnapshot host = dump("16amd64-8n2c");

        assertThatThrownBy(() -> resolve("0-15", 1, host))
                .isInstanceOf(ProfileException.class)
                .hasMessage("cpu.isolate '0-15': isolating every CPU leaves none for the kernel (online: 0-15)");
    }

    @Test
    void noneIsolatesNothing() {
        assertThat(resolve("none", 1, dump("16amd64-8n2c"))).isEqualTo(CpuSet.empty());
    }

    @Test
    void garbageIsRefused() {
        HostSnapshot host = dump("16amd64-8n2c");

        assertThatThrownBy(() -> resolve("all", 1, host)).isInstanceOf(ProfileException.class).hasMessageStartingWith("cpu.isolate: expected none, auto or a CPU list");
        assertThatThrownBy(() -> resolve("", 1, host)).isInstanceOf(ProfileException.class).hasMessageContaining("found an empty list");
        assertThatThrownBy(() -> resolve("auto", 0, host)).isInstanceOf(ProfileException.class).hasMessageStartingWith("cpu.housekeepingPerNode");
    }

    @Test
    void twoCpuHostKeepsCpuZeroAndIsolatesTheOther(@TempDir Path root) {
        SysfsTree tree = new SysfsTree(root);
        tree.file("/sys/devices/system/cpu/online", "0-1\n")
                .file("/sys/devices/system/node/online", "0\n")
                .file("/sys/devices/system/node/node0/cpulist", "0-1\n")
                .file("/sys/devices/system/node/node0/meminfo", "Node 0 MemTotal:       4194304 kB\n");
        for (int cpu = 0; cpu < 2; cpu++) {
            String topology = "/sys/devices/system/cpu/cpu" + cpu + "/topology/";
            tree.file(topology + "core_id", "0\n")
                    .file(topology + "physical_package_id", "0\n")
                    .file(topology + "thread_siblings_list", "0-1\n")
                    .file(topology + "thread_siblings", "3\n")
                    .file(topology + "core_cpus_list", "0-1\n")
                    .file(topology + "core_cpus", "3\n");
        }
        HostSnapshot host = new HostInspector(tree.sysroot()).inspect();
        assertThat(host.cpu().onlineCpus()).isEqualTo(CpuSet.of(0, 1));

        assertThat(resolve("auto", 1, host)).isEqualTo(CpuSet.of(1));
        assertThat(resolve("1", 1, host)).isEqualTo(CpuSet.of(1));
        assertThatThrownBy(() -> resolve("0-1", 1, host)).hasMessageContaining("isolating every CPU leaves none for the kernel");
    }

    @Test
    void profileResolvesItsOwnIsolationWithItsHousekeeping() {
        HostSnapshot host = dump("16amd64-8n2c");
        Profile inference = new ProfileLoader(Path.of("/nonexistent")).load("inference");
        Profile training = new ProfileLoader(Path.of("/nonexistent")).load("training");

        assertThat(inference.isolatedCpus(host.cpu(), host.numa())).contains(resolve("auto", 1, host));
        assertThat(training.isolatedCpus(host.cpu(), host.numa())).isEmpty();
    }
}
