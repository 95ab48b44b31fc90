package dev.asios.run.place;

import dev.asios.host.inspect.HostInspector;
import dev.asios.host.inspect.HostSnapshot;
import dev.asios.host.parse.CpuSet;
import dev.asios.host.sysroot.SysfsTree;
import java.util.function.IntUnaryOperator;
import java.util.stream.IntStream;

/**
 * Writes the parts of a recorded sysfs tree that placement reads: CPUs with their cores and
 * packages, NUMA nodes with memory and hugepages, PCIe bridges and endpoints, and RDMA devices.
 * Paths are host paths ({@code /sys/devices/pci0000:15/0000:15:01.0/...}); each PCI function is
 * linked from {@code /sys/bus/pci/devices} as the kernel does.
 */
public final class RecordedHost {

    private static final String CPU = "/sys/devices/system/cpu";
    private static final String NODE = "/sys/devices/system/node";

    private final SysfsTree tree;

    /** Writes into {@code tree}. */
    public RecordedHost(SysfsTree tree) {
        this.tree = tree;
    }

    /**
     * CPUs 0 to {@code count - 1}, all online; CPUs with the same package and core number are
     * hyperthread siblings.
     */
    public RecordedHost cpus(int count, String cpuinfo, IntUnaryOperator packageOf, IntUnaryOperator coreOf) {
        tree.file("/proc/cpuinfo", cpuinfo).file(CPU + "/online", "0-" + (count - 1) + "\n");
        for (int cpu = 0; cpu < count; cpu++) {
            int pkg = packageOf.applyAsInt(cpu);
            int core = coreOf.applyAsInt(cpu);
            CpuSet siblings = CpuSet.of(IntStream.range(0, count)
                    .filter(c -> packageOf.applyAsInt(c) == pkg && coreOf.applyAsInt(c) == core));
            CpuSet packageCpus = CpuSet.of(IntStream.range(0, count).filter(c -> packageOf.applyAsInt(c) == pkg));
            String topo = CPU + "/cpu" + cpu + "/topology/";
            tree.file(topo + "core_id", core + "\n").file(topo + "physical_package_id", pkg + "\n")
                    .file(topo + "core_cpus", siblings.toMask(count) + "\n")
                    .file(topo + "package_cpus", packageCpus.toMask(count) + "\n");
        }
        return this;
    }

    /**
     * NUMA node {@code index} with {@code cpus} (empty for a CPU-less node), memory in KiB, the free
     * 2 MiB hugepages, and its row of distances.
     */
    public RecordedHost node(int index, CpuSet cpus, int cpuCount, long totalKib, long freeKib, int freeHugepages, String distances) {
        String dir = NODE + "/node" + index;
        tree.file(dir + "/cpumap", cpus.toMask(cpuCount) + "\n")
                .file(dir + "/meminfo", "Node " + index + " MemTotal: " + totalKib + " kB\nNode " + index + " MemFree: " + freeKib + " kB\n")
                .file(dir + "/distance", distances + "\n")
                .file(dir + "/hugepages/hugepages-2048kB/nr_hugepages", freeHugepages + "\n")
                .file(dir + "/hugepages/hugepages-2048kB/free_hugepages", freeHugepages + "\n");
        return this;
    }

    /** The list of online nodes, for example {@code 0-1}. */
    public RecordedHost onlineNodes(String list) {
        tree.file(NODE + "/online", list + "\n");
        return this;
    }

    /** A PCIe root port or switch port (class 0x060400) at {@code path}. */
    public RecordedHost bridge(String path) {
        return function(path, "0x060400", "0x8086").attribute(path, "numa_node", "-1");
    }

    /**
     * An endpoint: a GPU ({@code 0x030200}, vendor {@code 0x10de}), a NIC ({@code 0x020700},
     * {@code 0x15b3}), … with its NUMA node ({@code -1} for none) and local CPUs.
     */
    public RecordedHost endpoint(String path, String classCode, String vendor, int numaNode, String localCpus) {
        return function(path, classCode, vendor).attribute(path, "numa_node", numaNode + "")
                .attribute(path, "local_cpulist", localCpus).attribute(path, "device", "0x2330");
    }

    /** An RDMA device on the NIC at {@code nicPath} with one port and a network interface. */
    public RecordedHost rdma(String nicPath, String name, String netDevice, boolean active) {
        String dir = nicPath + "/infiniband/" + name;
        String pciName = nicPath.substring(nicPath.lastIndexOf('/') + 1);
        tree.folder(nicPath + "/net/" + netDevice)
                .link(dir + "/device", "../../../" + pciName)
                .file(dir + "/ports/1/state", active ? "4: ACTIVE\n" : "1: DOWN\n")
                .file(dir + "/ports/1/link_layer", "InfiniBand\n")
                .file(dir + "/ports/1/rate", "400 Gb/sec (4X NDR)\n")
                .link("/sys/class/infiniband/" + name, "../.." + dir.substring("/sys".length()));
        return this;
    }

    /** Any file. */
    public RecordedHost file(String path, String content) {
        tree.file(path, content);
        return this;
    }

    /** The host as the inspector reads it. */
    public HostSnapshot inspect() {
        return new HostInspector(tree.sysroot()).inspect();
    }

    private RecordedHost function(String path, String classCode, String vendor) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        tree.link("/sys/bus/pci/devices/" + name, "../../.." + path.substring("/sys".length()))
                .file(path + "/class", classCode + "\n").file(path + "/vendor", vendor + "\n");
        return this;
    }

    private RecordedHost attribute(String path, String attribute, String value) {
        tree.file(path + "/" + attribute, value + "\n");
        return this;
    }
}
