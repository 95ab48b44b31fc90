package dev.asios.run.place;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asios.host.inspect.HostSnapshot;
import dev.asios.host.numa.NodeKind;
import dev.asios.host.parse.CpuSet;
import dev.asios.host.sysroot.SysfsTree;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GraceHopperPlacementTest {

    private static final long GIB = 1L << 30;

    private final Placer placer = new Placer();

    @ParameterizedTest(name = "GPU numa_node {0}")
    @ValueSource(ints = {0, 1, -1})
    void memoryIsNeverBoundToTheGpuMemoryNode(int gpuNumaNode, @TempDir Path root) throws PlacementException {
        HostSnapshot host = GraceHopperNode.write(new SysfsTree(root), gpuNumaNode);
        assertThat(host.numa().node(1).orElseThrow().kind()).isEqualTo(NodeKind.GPU_MEMORY);

        for (NumaPolicy policy : NumaPolicy.values()) {
            Placement placement = placer.place(host, GpuLinks.NONE, FreeResources.of(host, CpuSet.empty()),
                    PlacementRequest.gpus(1).withCpus(16).withMemoryBytes(10 * GIB).withPolicy(policy));

            assertThat(placement.memoryNodes()).as(policy.name()).isEqualTo(CpuSet.of(0));
            assertThat(placement.cpus()).isEqualTo(CpuSet.parseList("0-15"));
            assertThat(placement.gpus().getFirst().numaNode()).hasValue(0);
        }
    }

    @ParameterizedTest(name = "GPU numa_node {0}")
    @ValueSource(ints = {0, 1})
    void memoryThatOnlyTheGpuNodeCouldHoldIsRefused(int gpuNumaNode, @TempDir Path root) {
        HostSnapshot host = GraceHopperNode.write(new SysfsTree(root), gpuNumaNode);

        assertThatThrownBy(() -> placer.place(host, GpuLinks.NONE, FreeResources.of(host, CpuSet.empty()),
                PlacementRequest.gpus(1).withMemoryBytes(50 * GIB)))
                .hasMessageContaining("asked 50 GiB of memory; node 0 has 20 GiB free")
                .satisfies(e -> assertThat(((PlacementException) e).alternative()).hasValue("--memory 20G"));
    }
}
