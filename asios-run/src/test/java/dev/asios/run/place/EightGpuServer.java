package dev.asios.run.place;

import dev.asios.host.inspect.HostSnapshot;
import dev.asios.host.parse.CpuSet;
import dev.asios.host.sysroot.SysfsTree;
import java.util.List;

/**
 * A two-socket server with 8 GPUs as a recorded tree: 64 CPUs (2 sockets x 16 cores x 2 threads,
 * CPU {@code c} and {@code c + 32} are siblings), NUMA node 0 with CPUs 0-15,32-47 and node 1 with
 * 16-31,48-63 (256 GiB each, 200 GiB free, 1024 and 512 free 2 MiB hugepages). Each socket has two
 * root buses, each with one PCIe switch holding two GPUs; the first switch of each socket also
 * holds an RDMA NIC.
 *
 * <pre>
 * node 0: pci0000:15 switch A: GPU 0 (18:00.0), GPU 1 (19:00.0), mlx5_0/ib0 (1a:00.0)
 *         pci0000:37 switch B: GPU 2 (3a:00.0), GPU 3 (3b:00.0)
 * node 1: pci0000:97 switch C: GPU 4 (9a:00.0), GPU 5 (9b:00.0), mlx5_1/ib1 (9c:00.0)
 *         pci0000:b7 switch D: GPU 6 (ba:00.0), GPU 7 (bb:00.0)
 * </pre>
 *
 * NVLink bridges cross the switches: GPUs 0-2 and 4-6 have 4 links, 1-3 and 5-7 have 8.
 */
public final class EightGpuServer {

    /** The PCI addresses of GPUs 0 to 7. */
    public static final List<String> GPUS = List.of(
            "0000:18:00.0", "0000:19:00.0", "0000:3a:00.0", "0000:3b:00.0",
            "0000:9a:00.0", "0000:9b:00.0", "0000:ba:00.0", "0000:bb:00.0");

    /** The output of {@code nvidia-smi topo -m} on this server. */
    public static final String TOPO = """
            \tGPU0\tGPU1\tGPU2\tGPU3\tGPU4\tGPU5\tGPU6\tGPU7\tNIC0\tNIC1\tCPU Affinity\tNUMA Affinity\tGPU NUMA ID
            GPU0\t X \tPIX\tNV4\tNODE\tSYS\tSYS\tSYS\tSYS\tPIX\tSYS\t0-15,32-47\t0\t\tN/A
            GPU1\tPIX\t X \tNODE\tNV8\tSYS\tSYS\tSYS\tSYS\tPIX\tSYS\t0-15,32-47\t0\t\tN/A
            GPU2\tNV4\tNODE\t X \tPIX\tSYS\tSYS\tSYS\tSYS\tNODE\tSYS\t0-15,32-47\t0\t\tN/A
            GPU3\tNODE\tNV8\tPIX\t X \tSYS\tSYS\tSYS\tSYS\tNODE\tSYS\t0-15,32-47\t0\t\tN/A
            GPU4\tSYS\tSYS\tSYS\tSYS\t X \tPIX\tNV4\tNODE\tSYS\tPIX\t16-31,48-63\t1\t\tN/A
            GPU5\tSYS\tSYS\tSYS\tSYS\tPIX\t X \tNODE\tNV8\tSYS\tPIX\t16-31,48-63\t1\t\tN/A
            GPU6\tSYS\tSYS\tSYS\tSYS\tNV4\tNODE\t X \tPIX\tSYS\tNODE\t16-31,48-63\t1\t\tN/A
            GPU7\tSYS\tSYS\tSYS\tSYS\tNODE\tNV8\tPIX\t X \tSYS\tNODE\t16-31,48-63\t1\t\tN/A
            NIC0\tPIX\tPIX\tNODE\tNODE\tSYS\tSYS\tSYS\tSYS\t X \tSYS
            NIC1\tSYS\tSYS\tSYS\tSYS\tPIX\tPIX\tNODE\tNODE\tSYS\t X

            Legend:

              X    = Self
              SYS  = Connection traversing PCIe as well as the SMP interconnect between NUMA nodes (e.g., QPI/UPI)
              NODE = Connection traversing PCIe as well as the interconnect between PCIe Host Bridges within a NUMA node
              PHB  = Connection traversing PCIe as well as a PCIe Host Bridge (typically the CPU)
              PXB  = Connection traversing multiple PCIe bridges (without traversing the PCIe Host Bridge)
              PIX  = Connection traversing at most a single PCIe bridge
              NV#  = Connection traversing a bonded set of # NVLinks

            NIC Legend:

              NIC0: mlx5_0
              NIC1: mlx5_1
            """;

    /** The output of {@code nvidia-smi --query-gpu=index,pci.bus_id --format=csv,noheader} on this server. */
    public static final String BUS_IDS = """
            0, 00000000:18:00.0
            1, 00000000:19:00.0
            2, 00000000:3A:00.0
            3, 00000000:3B:00.0
            4, 00000000:9A:00.0
            5, 00000000:9B:00.0
            6, 00000000:BA:00.0
            7, 00000000:BB:00.0
            """;

    private static final int CPUS = 64;

    private EightGpuServer() {
    }

    /** Writes the server into {@code tree} and reads it back. */
    public static HostSnapshot write(SysfsTree tree) {
        RecordedHost host = new RecordedHost(tree)
                .cpus(CPUS, "processor\t: 0\nvendor_id\t: GenuineIntel\nmodel name\t: Test Xeon\nflags\t\t: fpu lm avx2\n\n",
                        cpu -> cpu % 32 / 16, cpu -> cpu % 16)
                .onlineNodes("0-1")
                .node(0, CpuSet.parseList("0-15,32-47"), CPUS, 268435456L, 209715200L, 1024, "10 21")
                .node(1, CpuSet.parseList("16-31,48-63"), CPUS, 268435456L, 209715200L, 512, "21 10");
        pcieSwitch(host, 0x15, 0, true, "mlx5_0", "ib0");
        pcieSwitch(host, 0x37, 0, false, null, null);
        pcieSwitch(host, 0x97, 1, true, "mlx5_1", "ib1");
        pcieSwitch(host, 0xb7, 1, false, null, null);
        return host.inspect();
    }

    /** The NVLinks of this server, as nvidia-smi reports them. */
    public static GpuLinks links() {
        return GpuLinks.fromNvidiaSmi(TOPO, BUS_IDS);
    }

    private static void pcieSwitch(RecordedHost host, int rootBus, int node, boolean withNic, String rdma, String netDevice) {
        String cpus = node == 0 ? "0-15,32-47" : "16-31,48-63";
        String rootPort = String.format("/sys/devices/pci0000:%02x/0000:%02x:01.0", rootBus, rootBus);
        String up = rootPort + String.format("/0000:%02x:00.0", rootBus + 1);
        host.bridge(rootPort).bridge(up);
        int devices = withNic ? 3 : 2;
        for (int slot = 0; slot < devices; slot++) {
            String down = up + String.format("/0000:%02x:%02x.0", rootBus + 2, slot);
            String endpoint = down + String.format("/0000:%02x:00.0", rootBus + 3 + slot);
            host.bridge(down);
            if (slot < 2) {
                host.endpoint(endpoint, "0x030200", "0x10de", node, cpus);
            } else {
                host.endpoint(endpoint, "0x020700", "0x15b3", node, cpus).rdma(endpoint, rdma, netDevice, true);
            }
        }
    }
}
