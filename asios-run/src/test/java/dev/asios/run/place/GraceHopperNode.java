package dev.asios.run.place;

import dev.asios.host.inspect.HostSnapshot;
import dev.asios.host.parse.CpuSet;
import dev.asios.host.sysroot.SysfsTree;

/**
 * A Grace-Hopper-like ARM node as a recorded tree: 72 Neoverse cores (one thread each) with
 * 480 GiB of LPDDR on NUMA node 0, and one H100 GPU at {@code 0009:01:00.0} whose 96 GiB of HBM
 * the driver exposes as CPU-less NUMA node 1 ({@code /proc/driver/nvidia/gpus/.../numa_status}).
 * Node 1 has more free memory than a small request needs, so a placer that bound memory by free
 * space alone could pick it.
 */
public final class GraceHopperNode {

    /** The GPU's PCI address. */
    public static final String GPU = "0009:01:00.0";

    private static final int CPUS = 72;

    private GraceHopperNode() {
    }

    /**
     * Writes the node into {@code tree} and reads it back.
     *
     * @param gpuNumaNode what the GPU's {@code numa_node} says: 0 (its CPUs), 1 (its own memory
     *     node) or -1 (nothing)
     */
    public static HostSnapshot write(SysfsTree tree, int gpuNumaNode) {
        String rootPort = "/sys/devices/pci0009:00/0009:00:00.0";
        return new RecordedHost(tree)
                .cpus(CPUS, "processor\t: 0\nBogoMIPS\t: 2000.00\nFeatures\t: fp asimd sve sve2\nCPU implementer\t: 0x41\n"
                        + "CPU architecture: 8\nCPU part\t: 0xd4f\n\n", cpu -> 0, cpu -> cpu)
                .onlineNodes("0-1")
                .node(0, CpuSet.parseList("0-71"), CPUS, 503316480L, 20971520L, 0, "10 80")
                .node(1, CpuSet.empty(), CPUS, 100663296L, 100663296L, 0, "80 10")
                .file("/proc/driver/nvidia/gpus/" + GPU + "/numa_status", "Node: 1\nStatus: online\n")
                .bridge(rootPort)
                .endpoint(rootPort + "/" + GPU, "0x030200", "0x10de", gpuNumaNode, "0-71")
                .inspect();
    }
}
