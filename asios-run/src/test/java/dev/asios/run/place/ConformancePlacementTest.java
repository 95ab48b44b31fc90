package dev.asios.run.place;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asios.host.inspect.ConformanceDumps;
import dev.asios.host.inspect.HostInspector;
import dev.asios.host.inspect.HostSnapshot;
import dev.asios.host.numa.NodeKind;
import dev.asios.host.numa.NumaNode;
import dev.asios.host.parse.CpuSet;
import dev.asios.host.sysroot.Sysroot;
import org.junit.jupiter.api.Test;

/** CPU-only placement on recorded real machines of the conformance set. */
class ConformancePlacementTest {

    private final Placer placer = new Placer();

    @Test
    void cpusThatFitOneNodeStayOnOneNode() throws PlacementException {
        HostSnapshot host = dump("32amd64-4s2n4c-cgroup2");

        Placement placement = placer.place(host, GpuLinks.NONE, FreeResources.of(host, CpuSet.empty()), PlacementRequest.cpuOnly(4));

        assertThat(placement.memoryNodes().size()).isEqualTo(1);
        assertThat(host.numa().node(placement.memoryNodes().first()).orElseThrow().cpus()).isEqualTo(placement.cpus());
    }

    @Test
    void cpusThatDoNotFitOneNodeTakeTheFewestNodesUnlessStrict() throws PlacementException {
        HostSnapshot host = dump("32amd64-4s2n4c-cgroup2");
        FreeResources free = FreeResources.of(host, CpuSet.empty());

        Placement placement = placer.place(host, GpuLinks.NONE, free, PlacementRequest.cpuOnly(6));

        assertThat(placement.cpus().size()).isEqualTo(6);
        assertThat(placement.memoryNodes().size()).isEqualTo(2);
        assertThatThrownBy(() -> placer.place(host, GpuLinks.NONE, free, PlacementRequest.cpuOnly(6).withPolicy(NumaPolicy.STRICT)))
                .hasMessageStartingWith("asked 6 CPUs on one NUMA node")
                .satisfies(e -> assertThat(((PlacementException) e).alternative()).hasValue("--cpus 4"));
    }

    @Test
    void gpuMemoryNodesOfAPowerMachineAreNeverBound() throws PlacementException {
        HostSnapshot host = dump("nvidiagpunumanodes");
        FreeResources free = FreeResources.of(host, CpuSet.empty());
        CpuSet cpuNodes = CpuSet.of(host.numa().nodes().stream().filter(n -> n.kind() == NodeKind.CPU).mapToInt(NumaNode::osIndex));

        for (NumaPolicy policy : NumaPolicy.values()) {
            Placement some = placer.place(host, GpuLinks.NONE, free, PlacementRequest.cpuOnly(8).withPolicy(policy));
            Placement all = placer.place(host, GpuLinks.NONE, free, PlacementRequest.cpuOnly(free.cpus().size()).withPolicy(NumaPolicy.PREFERRED));

            assertThat(some.memoryNodes().size()).isEqualTo(1);
            assertThat(cpuNodes.containsAll(some.memoryNodes())).isTrue();
            assertThat(all.memoryNodes()).isEqualTo(cpuNodes);
        }
    }

    private static HostSnapshot dump(String name) {
        return new HostInspector(Sysroot.of(ConformanceDumps.sysroot(name))).inspect();
    }
}
