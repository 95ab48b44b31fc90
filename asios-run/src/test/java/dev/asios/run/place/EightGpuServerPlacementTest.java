package dev.asios.run.place;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asios.host.inspect.HostSnapshot;
import dev.asios.host.parse.CpuSet;
import dev.asios.host.pci.PciAddress;
import dev.asios.host.sysroot.SysfsTree;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EightGpuServerPlacementTest {

    private final Placer placer = new Placer();
    private HostSnapshot host;
    private FreeResources free;

    @BeforeEach
    void writeServer(@TempDir Path root) {
        host = EightGpuServer.write(new SysfsTree(root));
        free = FreeResources.of(host, CpuSet.empty());
    }

    @Test
    void inspectorSeesTheServer() {
        assertThat(host.pci().gpus()).extracting(g -> g.address().toString()).containsExactlyElementsOf(EightGpuServer.GPUS);
        assertThat(host.pci().rdmaDevices()).hasSize(2);
        assertThat(host.numa().nodes()).hasSize(2);
    }

    @Test
    void twoGpusAreTheNvlinkPairWithTheMostLinks() throws PlacementException {
        Placement placement = placer.place(host, EightGpuServer.links(), free, PlacementRequest.gpus(2));

        assertThat(indexes(placement)).containsExactly(1, 3);
        assertThat(placement.reasons().getFirst()).isEqualTo("GPUs 1,3: NVLink x8 between them");
        assertThat(placement.cpus()).isEqualTo(CpuSet.parseList("0-15,32-47"));
        assertThat(placement.memoryNodes()).isEqualTo(CpuSet.of(0));
    }

    @Test
    void withoutNvlinkTwoGpusAreThePairUnderOneSwitch() throws PlacementException {
        Placement placement = placer.place(host, GpuLinks.NONE, free, PlacementRequest.gpus(2));

        assertThat(indexes(placement)).containsExactly(0, 1);
        assertThat(placement.reasons()).anyMatch(r -> r.startsWith("GPUs 0,1: PIX"))
                .anyMatch(r -> r.startsWith("NVLink unknown"));
    }

    @Test
    void fourGpusAreTheFourOfOneSocket() throws PlacementException {
        Placement placement = placer.place(host, EightGpuServer.links(), free, PlacementRequest.gpus(4).withCpusPerGpu(2));

        assertThat(indexes(placement)).containsExactly(0, 1, 2, 3);
        assertThat(placement.gpus()).allMatch(g -> g.numaNode().getAsInt() == 0);
        assertThat(placement.cpus()).isEqualTo(CpuSet.parseList("0-7"));
        assertThat(placement.reasons()).contains("CPUs 0-7: 8 whole cores on node 0, the GPUs' node");
    }

    @Test
    void busyGpusSteerTheChoiceToTheOtherSocket() throws PlacementException {
        FreeResources busy = free.withBusyGpus(Set.of(PciAddress.parse(EightGpuServer.GPUS.get(1))));

        Placement placement = placer.place(host, EightGpuServer.links(), busy, PlacementRequest.gpus(4));

        assertThat(indexes(placement)).containsExactly(4, 5, 6, 7);
    }

    @Test
    void gpusMarkedUnhealthyAreNeverChosenAndNamingOneSaysWhy() throws PlacementException {
        PciAddress sick = PciAddress.parse(EightGpuServer.GPUS.get(1));
        FreeResources marked = free.withUnhealthyGpus(UnhealthyGpus.none().with(sick,
                new UnhealthyGpus.Mark(java.time.Instant.parse("2026-11-25T13:00:00Z"), "asios-heal", "2 uncorrectable ECC errors")));

        assertThat(indexes(placer.place(host, EightGpuServer.links(), marked, PlacementRequest.gpus(4)))).containsExactly(4, 5, 6, 7);
        assertThatThrownBy(() -> placer.place(host, GpuLinks.NONE, marked, PlacementRequest.gpus(List.of("1"))))
                .hasMessage("GPU 1 (" + sick + ") is marked unhealthy since 2026-11-25T13:00:00Z (asios-heal): 2 uncorrectable ECC errors");
        FreeResources alsoBusy = marked.withBusyGpus(Set.of(PciAddress.parse(EightGpuServer.GPUS.get(0))));
        assertThatThrownBy(() -> placer.place(host, GpuLinks.NONE, alsoBusy, PlacementRequest.gpus(8)))
                .hasMessage("asked 8 GPUs; 6 of the host's 8 are free (other runs hold 1; 1 marked unhealthy: GPU 1 (" + sick
                        + ") since 2026-11-25T13:00:00Z (asios-heal): 2 uncorrectable ECC errors)");
    }

    @Test
    void twoGpusWithAnRdmaNicGetTheNicBehindTheirSwitch() throws PlacementException {
        Placement placement = placer.place(host, EightGpuServer.links(), free, PlacementRequest.gpus(2).withRdmaNic());

        assertThat(placement.nic()).hasValueSatisfying(nic -> {
            assertThat(nic.rdmaDevice()).hasValue("mlx5_0");
            assertThat(nic.netDevice()).isEqualTo("ib0");
            assertThat(nic.linkToGpus()).isEqualTo(LinkClass.PIX);
        });
    }

    @Test
    void gpusOfTheSecondSocketGetTheSecondNic() throws PlacementException {
        Placement placement = placer.place(host, EightGpuServer.links(), free, PlacementRequest.gpus(List.of("4", "0000:9b:00.0")).withRdmaNic());

        assertThat(indexes(placement)).containsExactly(4, 5);
        assertThat(placement.nic().orElseThrow().rdmaDevice()).hasValue("mlx5_1");
        assertThat(placement.memoryNodes()).isEqualTo(CpuSet.of(1));
    }

    @Test
    void fourStrictGpusWhenEachNodeHasThreeFreeAreRefusedWithAnAlternative() {
        FreeResources busy = free.withBusyGpus(Set.of(PciAddress.parse(EightGpuServer.GPUS.get(0)), PciAddress.parse(EightGpuServer.GPUS.get(4))));

        assertThatThrownBy(() -> placer.place(host, EightGpuServer.links(), busy, PlacementRequest.gpus(4).withPolicy(NumaPolicy.STRICT)))
                .isInstanceOf(PlacementException.class)
                .hasMessageContaining("asked 4 GPUs on one NUMA node")
                .hasMessageContaining("the best node has 3 free")
                .satisfies(e -> assertThat(((PlacementException) e).alternative()).hasValue("--gpus 3"));
    }

    @Test
    void fourPreferredGpusWhenEachNodeHasThreeFreeSpanBothNodes() throws PlacementException {
        FreeResources busy = free.withBusyGpus(Set.of(PciAddress.parse(EightGpuServer.GPUS.get(0)), PciAddress.parse(EightGpuServer.GPUS.get(4))));

        Placement placement = placer.place(host, EightGpuServer.links(), busy, PlacementRequest.gpus(4).withCpus(8));

        assertThat(placement.gpus()).hasSize(4);
        assertThat(placement.memoryNodes()).isEqualTo(CpuSet.of(0, 1));
        assertThat(placement.cpus().size()).isEqualTo(8);
    }

    @Test
    void strictGpusOnTwoNodesAreRefused() {
        assertThatThrownBy(() -> placer.place(host, EightGpuServer.links(), free,
                PlacementRequest.gpus(List.of("0", "4")).withPolicy(NumaPolicy.STRICT)))
                .hasMessageContaining("the GPUs are on nodes 0-1")
                .satisfies(e -> assertThat(((PlacementException) e).alternative()).hasValue("--numa preferred"));
    }

    @Test
    void cpusBeyondTheGpusNodeSpillToTheNearestNodeUnlessStrict() throws PlacementException {
        Placement preferred = placer.place(host, EightGpuServer.links(), free, PlacementRequest.gpus(List.of("0")).withCpus(40));

        assertThat(preferred.cpus().and(CpuSet.parseList("0-15,32-47")).size()).isEqualTo(32);
        assertThat(preferred.cpus().size()).isEqualTo(40);
        assertThatThrownBy(() -> placer.place(host, EightGpuServer.links(), free,
                PlacementRequest.gpus(List.of("0")).withCpus(40).withPolicy(NumaPolicy.STRICT)))
                .hasMessageContaining("asked 40 CPUs on one NUMA node")
                .satisfies(e -> assertThat(((PlacementException) e).alternative()).hasValue("--cpus 32"));
    }

    @Test
    void hugepagesAreCheckedOnTheGpusNode() {
        assertThatThrownBy(() -> placer.place(host, EightGpuServer.links(), free,
                PlacementRequest.gpus(List.of("4")).withHugepages(1000, 2048).withPolicy(NumaPolicy.STRICT)))
                .hasMessageContaining("asked 1000 hugepages of 2048 kB; node 1 has 512 free")
                .satisfies(e -> assertThat(((PlacementException) e).alternative()).hasValue("--numa preferred"));
    }

    @Test
    void badGpuNamesAreRefusedBeforeAnythingIsPlaced() {
        assertThatThrownBy(() -> placer.place(host, GpuLinks.NONE, free, PlacementRequest.gpus(List.of("9"))))
                .hasMessage("GPU 9: this host has GPUs 0-7");
        assertThatThrownBy(() -> placer.place(host, GpuLinks.NONE, free, PlacementRequest.gpus(List.of("42:00.0"))))
                .hasMessageStartingWith("GPU 0000:42:00.0: no GPU at that address");
        assertThatThrownBy(() -> placer.place(host, GpuLinks.NONE, free, PlacementRequest.gpus(9)))
                .hasMessage("asked 9 GPUs; this host has GPUs 0-7")
                .satisfies(e -> assertThat(((PlacementException) e).alternative()).hasValue("--gpus 8"));
        FreeResources busy = free.withBusyGpus(Set.of(PciAddress.parse(EightGpuServer.GPUS.get(2))));
        assertThatThrownBy(() -> placer.place(host, GpuLinks.NONE, busy, PlacementRequest.gpus(List.of("3a:00.0"))))
                .hasMessage("GPU 2 (0000:3a:00.0) is busy with another run");
    }

    private static List<Integer> indexes(Placement placement) {
        return placement.gpus().stream().map(PlacedGpu::index).toList();
    }
}
