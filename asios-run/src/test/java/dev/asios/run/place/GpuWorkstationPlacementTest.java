package dev.asios.run.place;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asios.host.inspect.HostSnapshot;
import dev.asios.host.parse.CpuSet;
import dev.asios.host.sysroot.SysfsTree;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GpuWorkstationPlacementTest {

    private final Placer placer = new Placer();
    private HostSnapshot host;

    @BeforeEach
    void writeWorkstation(@TempDir Path root) {
        host = GpuWorkstation.write(new SysfsTree(root));
    }

    @Test
    void fourCpusAreFourWholeCores() throws PlacementException {
        Placement placement = place(CpuSet.empty(), PlacementRequest.gpus(1).withCpus(4));

        assertThat(placement.cpus()).isEqualTo(CpuSet.parseList("0-3"));
        assertThat(placement.reasons()).contains("CPUs 0-3: 4 whole cores on node 0, the GPUs' node");
        assertThat(placement.score()).isEqualTo(1.0);
    }

    @Test
    void twelveCpusAreEightCoresAndFourSiblings() throws PlacementException {
        Placement placement = place(CpuSet.empty(), PlacementRequest.gpus(1).withCpus(12));

        assertThat(placement.cpus()).isEqualTo(CpuSet.parseList("0-11"));
        assertThat(placement.reasons()).contains("CPUs 0-11: 8 whole cores + 4 hyperthread siblings on node 0, the GPUs' node");
        assertThat(placement.score()).isLessThan(1.0);
    }

    @Test
    void aGpuWithoutANumaNodeIsPlacedByItsLocalCpus() throws PlacementException {
        Placement placement = place(CpuSet.empty(), PlacementRequest.gpus(1));

        assertThat(placement.gpus().getFirst().numaNode()).hasValue(0);
        assertThat(placement.cpus()).isEqualTo(CpuSet.parseList("0-15"));
    }

    @Test
    void isolatedRunsUseOnlyIsolatedCpusWholeCoresFirst() throws PlacementException {
        Placement placement = place(GpuWorkstation.ISOLATED, PlacementRequest.gpus(1).withCpus(4).onIsolatedCpus());

        assertThat(placement.cpus()).isEqualTo(CpuSet.parseList("4-7"));
        assertThat(placement.reasons()).contains("CPUs 4-7: 4 whole cores on node 0, the GPUs' node, isolated");
    }

    @Test
    void otherRunsStayOffTheIsolatedCpus() throws PlacementException {
        Placement placement = place(GpuWorkstation.ISOLATED, PlacementRequest.gpus(1));

        assertThat(placement.cpus()).isEqualTo(CpuSet.parseList("0-3,8-11"));
    }

    @Test
    void isolationWithoutIsolatedCpusIsRefused() {
        assertThatThrownBy(() -> place(CpuSet.empty(), PlacementRequest.cpuOnly(2).onIsolatedCpus()))
                .hasMessage("no isolated CPUs: apply a tuning profile that isolates CPUs, e.g. asios tune apply --profile inference");
    }

    @Test
    void moreIsolatedCpusThanThereAreIsRefusedWithTheCount() {
        assertThatThrownBy(() -> place(GpuWorkstation.ISOLATED, PlacementRequest.gpus(1).withCpus(10).onIsolatedCpus()))
                .hasMessageStartingWith("asked 10 CPUs; 8 isolated CPUs are free")
                .satisfies(e -> assertThat(((PlacementException) e).alternative()).hasValue("--cpus 8"));
    }

    @Test
    void hugepagesAndMemoryAreCheckedAgainstTheNode() throws PlacementException {
        Placement fits = place(CpuSet.empty(), PlacementRequest.cpuOnly(2).withHugepages(512, 2048).withPolicy(NumaPolicy.STRICT));

        assertThat(fits.reasons()).contains("hugepages: 512 of 2048 kB on node 0 (512 free)");
        assertThatThrownBy(() -> place(CpuSet.empty(), PlacementRequest.cpuOnly(2).withHugepages(4, 1048576)))
                .hasMessageContaining("asked 4 hugepages of 1048576 kB; node 0 has 0 free");
        assertThatThrownBy(() -> place(CpuSet.empty(), PlacementRequest.cpuOnly(2).withMemoryBytes(100L << 30)))
                .hasMessageContaining("asked 100 GiB of memory; node 0 has 48 GiB free");
    }

    @Test
    void malformedRequestsNameTheOption() {
        assertThatThrownBy(() -> place(CpuSet.empty(), PlacementRequest.cpuOnly(0)))
                .hasMessage("--cpus 0: must be 1 or more");
        assertThatThrownBy(() -> place(CpuSet.empty(), PlacementRequest.cpuOnly(99)))
                .hasMessageStartingWith("asked 99 CPUs; 16 CPUs are free");
        assertThatThrownBy(() -> place(CpuSet.empty(), PlacementRequest.cpuOnly(2).withCpusPerGpu(2)))
                .hasMessage("--cpus-per-gpu needs GPUs; this request asks none");
        assertThatThrownBy(() -> place(CpuSet.empty(), PlacementRequest.gpus(-1)))
                .hasMessageContaining("must be 0 or more");
        assertThatThrownBy(() -> place(CpuSet.empty(), PlacementRequest.cpuOnly(2).withHugepages(-3, 2048)))
                .hasMessage("--hugepages -3: must be 0 or more");
        assertThatThrownBy(() -> place(CpuSet.empty(), PlacementRequest.cpuOnly(2).withMemoryBytes(0)))
                .hasMessageContaining("--memory 0 bytes");
        assertThatThrownBy(() -> place(CpuSet.empty(), PlacementRequest.gpus(1).withRdmaNic()))
                .hasMessageContaining("this host has no RDMA NIC");
    }

    private Placement place(CpuSet isolated, PlacementRequest request) throws PlacementException {
        return placer.place(host, GpuLinks.NONE, FreeResources.of(host, isolated), request);
    }
}
