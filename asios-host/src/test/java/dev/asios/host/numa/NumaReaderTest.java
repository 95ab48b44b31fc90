package dev.asios.host.numa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asios.host.parse.CpuSet;
import dev.asios.host.parse.ParseException;
import dev.asios.host.sysroot.SysfsTree;
import dev.asios.host.sysroot.SysrootValues;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NumaReaderTest {

    private static final String NODE = "/sys/devices/system/node/";

    @TempDir
    Path root;

    private SysfsTree twoNodesAndGpuMemory() {
        return new SysfsTree(root)
                .file(NODE + "online", "0-1,8\n")
                .file(NODE + "node0/cpumap", "0f\n").file(NODE + "node0/meminfo", "Node 0 MemTotal: 1024 kB\nNode 0 MemFree: 512 kB\n")
                .file(NODE + "node0/distance", "10 20 40\n")
                .file(NODE + "node0/hugepages/hugepages-2048kB/nr_hugepages", "4\n")
                .file(NODE + "node0/hugepages/hugepages-2048kB/free_hugepages", "3\n")
                .file(NODE + "node0/hugepages/hugepages-1048576kB/nr_hugepages", "0\n")
                .file(NODE + "node1/cpumap", "f0\n").file(NODE + "node1/meminfo", "Node 1 MemTotal: 2048 kB\n")
                .file(NODE + "node1/distance", "20 10 40\n")
                .file(NODE + "node8/cpumap", "00\n").file(NODE + "node8/meminfo", "Node 8 MemTotal: 4096 kB\n")
                .file(NODE + "node8/distance", "40 40 10\n")
                .file("/proc/driver/nvidia/gpus/0000:41:00.0/numa_status", "Node: 8\nStatus: online\n")
                .file("/sys/devices/virtual/memory_tiering/memory_tier4/nodelist", "0-1\n");
    }

    @Test
    void readsNodesMemoryHugepagesDistancesAndGpuMemory() {
        NumaTopology numa = new NumaReader(twoNodesAndGpuMemory().values()).read(CpuSet.parseList("0-7"));
        assertThat(numa.nodes()).extracting(NumaNode::osIndex).containsExactly(0, 1, 8);
        NumaNode node0 = numa.node(0).orElseThrow();
        assertThat(node0.kind()).isEqualTo(NodeKind.CPU);
        assertThat(node0.localMemoryBytes()).isEqualTo(1024 * 1024);
        assertThat(node0.freeMemoryBytes()).hasValue(512 * 1024);
        assertThat(node0.memoryTier()).hasValue(4);
        assertThat(node0.hugepages()).containsExactly(new HugepagePool(2 << 20, 4, 3, 0), new HugepagePool(1L << 30, 0, 0, 0));
        NumaNode gpu = numa.node(8).orElseThrow();
        assertThat(gpu.kind()).isEqualTo(NodeKind.GPU_MEMORY);
        assertThat(gpu.gpuPciAddress()).contains("0000:41:00.0");
        assertThat(numa.distances()).containsExactly(java.util.List.of(10, 20, 40), java.util.List.of(20, 10, 40), java.util.List.of(40, 40, 10));
        assertThat(numa.nodeOfCpu(5).orElseThrow().osIndex()).isEqualTo(1);
        assertThat(numa.cpuNodeCount()).isEqualTo(2);
    }

    @Test
    void leavesOutANodeWhoseCpusOverlapAnEarlierOne() {
        SysfsTree tree = twoNodesAndGpuMemory().file(NODE + "node1/cpumap", "1f\n");
        SysrootValues values = tree.values();
        NumaTopology numa = new NumaReader(values).read(CpuSet.parseList("0-7"));
        assertThat(numa.nodes()).extracting(NumaNode::osIndex).containsExactly(0, 8);
        assertThat(values.sysroot().diagnostics().warnings()).anySatisfy(w -> assertThat(w.problem()).contains("earlier node"));
    }

    @Test
    void dropsDistancesThatDoNotMatchTheNodeCount() {
        SysfsTree tree = twoNodesAndGpuMemory().file(NODE + "node1/distance", "20 10\n");
        SysrootValues values = tree.values();
        assertThat(new NumaReader(values).read(CpuSet.parseList("0-7")).distances()).isEmpty();
        assertThat(values.sysroot().diagnostics().warnings()).anySatisfy(w -> assertThat(w.path()).endsWith("node1/distance"));
    }

    @Test
    void aKernelWithoutNumaIsOneNodeWithTheMachinesMemory() {
        SysfsTree tree = new SysfsTree(root).file("/proc/meminfo", "MemTotal: 2048 kB\nMemFree: 1024 kB\nHugePages_Total: 0\n")
                .file("/sys/kernel/mm/hugepages/hugepages-2048kB/nr_hugepages", "2");
        NumaTopology numa = new NumaReader(tree.values()).read(CpuSet.parseList("0-1"));
        assertThat(numa.nodes()).singleElement().satisfies(n -> {
            assertThat(n.osIndex()).isZero();
            assertThat(n.cpus().toList()).isEqualTo("0-1");
            assertThat(n.localMemoryBytes()).isEqualTo(2048 * 1024);
            assertThat(n.hugepages()).singleElement().satisfies(p -> assertThat(p.total()).isEqualTo(2));
        });
    }

    @Test
    void garbledMeminfoIsAWarningNotAnAbort() {
        SysfsTree tree = twoNodesAndGpuMemory().file(NODE + "node1/meminfo", "\u0000\u0001garbage");
        SysrootValues values = tree.values();
        NumaTopology numa = new NumaReader(values).read(CpuSet.parseList("0-7"));
        assertThat(numa.node(1).orElseThrow().localMemoryBytes()).isZero();
        assertThat(values.sysroot().diagnostics().warnings()).anySatisfy(w -> assertThat(w.path()).endsWith("node1/meminfo"));
    }

    @Test
    void parsesMeminfoUnitsAndNodePrefixes() {
        assertThat(MeminfoParser.parse("Node 3 MemTotal:  10 kB\nHugePages_Total:   7\nbad line\n"))
                .containsEntry("MemTotal", 10240L).containsEntry("HugePages_Total", 7L).hasSize(2);
        assertThatThrownBy(() -> MeminfoParser.parse("")).isInstanceOf(ParseException.class);
        assertThat(NumaReader.parseNumaStatusNode("Node: -1\n")).isEmpty();
        assertThatThrownBy(() -> NumaReader.parseNumaStatusNode("Node: x")).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> NumaReader.parseDistanceRow("10 x")).isInstanceOf(ParseException.class);
    }
}
