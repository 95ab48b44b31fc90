package dev.asios.run.launch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asios.host.inspect.HostSnapshot;
import dev.asios.host.sysroot.SysfsTree;
import dev.asios.run.place.EightGpuServer;
import dev.asios.run.place.FreeResources;
import dev.asios.run.place.Placement;
import dev.asios.run.place.PlacementRequest;
import dev.asios.run.place.Placer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The environment of runs placed on the recorded 8-GPU server. */
class RunEnvironmentTest {

    @TempDir
    Path root;

    @Test
    void theGpusAndTheNicOfThePlacementAreVisibleInPciBusOrder() throws Exception {
        HostSnapshot host = EightGpuServer.write(new SysfsTree(root));
        Placement placement = new Placer().place(host, EightGpuServer.links(), FreeResources.of(host, dev.asios.host.parse.CpuSet.empty()),
                PlacementRequest.gpus(2).withRdmaNic().withCpus(8));

        Map<String, String> env = RunEnvironment.of(host, placement, HugepageMode.NONE, Map.of());

        assertThat(env).containsEntry("CUDA_DEVICE_ORDER", "PCI_BUS_ID")
                .containsEntry("CUDA_VISIBLE_DEVICES", "1,3")
                .containsEntry("NCCL_IB_HCA", "=mlx5_0")
                .containsEntry("OMP_NUM_THREADS", "8")
                .doesNotContainKeys("ROCR_VISIBLE_DEVICES", "ZE_AFFINITY_MASK", "GLIBC_TUNABLES");
    }

    @Test
    void aCpuOnlyRunSeesNoGpuAndKeepsTheCallersThreadCount() throws Exception {
        HostSnapshot host = EightGpuServer.write(new SysfsTree(root));
        Placement placement = new Placer().place(host, EightGpuServer.links(), FreeResources.of(host, dev.asios.host.parse.CpuSet.empty()),
                PlacementRequest.cpuOnly(4));

        Map<String, String> env = RunEnvironment.of(host, placement, HugepageMode.HUGETLB,
                Map.of("OMP_NUM_THREADS", "2", "GLIBC_TUNABLES", "glibc.malloc.arena_max=2"));

        assertThat(env).containsEntry("CUDA_VISIBLE_DEVICES", "").doesNotContainKey("OMP_NUM_THREADS")
                .containsEntry("GLIBC_TUNABLES", "glibc.malloc.arena_max=2:glibc.malloc.hugetlb=2");
    }
}
