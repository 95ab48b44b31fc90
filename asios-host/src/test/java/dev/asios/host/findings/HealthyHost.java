package dev.asios.host.findings;

import dev.asios.host.pci.ConfigSpaceBuilder;
import dev.asios.host.sysroot.SysfsTree;

/**
 * A well-tuned two-socket GPU server as a recorded tree, on which no rule fires: 4 CPUs on two
 * NUMA nodes (CPU 3 isolated and tickless), two GPUs and an RDMA NIC under one PCIe switch on
 * node 0, an NVMe drive on node 1, hugepages reserved, kernel 6.8 with cgroup v2, THP madvise,
 * no swap, performance governor, shallow C-states only, IOMMU passthrough, unlimited memlock, bare
 * metal. Each rule test breaks one thing in it.
 */
final class HealthyHost {

    static final String CPU = "/sys/devices/system/cpu";
    static final String NODE = "/sys/devices/system/node";
    static final String ROOT_PORT = "/sys/devices/pci0000:00/0000:00:01.0";
    static final String SWITCH_UP = ROOT_PORT + "/0000:01:00.0";
    static final String GPU0_PORT = SWITCH_UP + "/0000:02:08.0";
    static final String GPU0 = GPU0_PORT + "/0000:03:00.0";
    static final String GPU1 = SWITCH_UP + "/0000:02:09.0/0000:04:00.0";
    static final String NIC = SWITCH_UP + "/0000:02:0a.0/0000:05:00.0";
    static final String NVME = "/sys/devices/pci0000:00/0000:00:02.0";

    private HealthyHost() {
    }

    static SysfsTree write(SysfsTree tree) {
        cpus(tree);
        numa(tree);
        pci(tree);
        kernel(tree);
        processesAndLimits(tree);
        return tree;
    }

    private static void cpus(SysfsTree tree) {
        tree.file("/proc/cpuinfo", "processor\t: 0\nvendor_id\t: GenuineIntel\nmodel name\t: Test Xeon\nflags\t\t: fpu lm avx2 avx512f\n\n")
                .file(CPU + "/online", "0-3\n").file(CPU + "/isolated", "3\n").file(CPU + "/nohz_full", "3\n");
        for (int cpu = 0; cpu < 4; cpu++) {
            String topo = CPU + "/cpu" + cpu + "/topology/";
            tree.file(topo + "core_id", "0\n").file(topo + "physical_package_id", cpu / 2 + "\n")
                    .file(topo + "core_cpus_list", String.valueOf(cpu)).file(topo + "core_cpus", Integer.toHexString(1 << cpu) + "\n")
                    .file(topo + "package_cpus", cpu < 2 ? "3\n" : "c\n")
                    .file(CPU + "/cpufreq/policy" + cpu + "/scaling_governor", "performance\n")
                    .file(CPU + "/cpufreq/policy" + cpu + "/scaling_driver", "intel_pstate\n")
                    .file(CPU + "/cpufreq/policy" + cpu + "/affected_cpus", cpu + "\n")
                    .link(CPU + "/cpu" + cpu + "/cpufreq", "../cpufreq/policy" + cpu);
        }
        tree.file(CPU + "/cpuidle/current_driver", "intel_idle\n");
        String[][] states = {{"POLL", "0"}, {"C1", "2"}};
        for (int k = 0; k < states.length; k++) {
            String state = CPU + "/cpu0/cpuidle/state" + k;
            tree.file(state + "/name", states[k][0] + "\n").file(state + "/latency", states[k][1] + "\n").file(state + "/disable", "0\n");
        }
    }

    private static void numa(SysfsTree tree) {
        tree.file(NODE + "/online", "0-1\n");
        for (int node = 0; node < 2; node++) {
            String dir = NODE + "/node" + node;
            tree.file(dir + "/cpumap", node == 0 ? "3\n" : "c\n")
                    .file(dir + "/meminfo", "Node " + node + " MemTotal: 67108864 kB\nNode " + node + " MemFree: 60000000 kB\n")
                    .file(dir + "/distance", node == 0 ? "10 21\n" : "21 10\n")
                    .file(dir + "/hugepages/hugepages-2048kB/nr_hugepages", "512\n")
                    .file(dir + "/hugepages/hugepages-2048kB/free_hugepages", "512\n");
        }
    }

    private static void pci(SysfsTree tree) {
        bridge(tree, ROOT_PORT, 4);
        bridge(tree, SWITCH_UP, 5);
        bridge(tree, GPU0_PORT, 6);
        bridge(tree, SWITCH_UP + "/0000:02:09.0", 6);
        bridge(tree, SWITCH_UP + "/0000:02:0a.0", 6);
        endpoint(tree, GPU0, "0x030200", "0x10de", 0, "nvidia");
        endpoint(tree, GPU1, "0x030200", "0x10de", 0, "nvidia");
        endpoint(tree, NIC, "0x020000", "0x15b3", 0, "mlx5_core");
        tree.folder(NIC + "/net/ib0")
                .link(NIC + "/infiniband/mlx5_0/device", "../../../0000:05:00.0")
                .file(NIC + "/infiniband/mlx5_0/ports/1/state", "4: ACTIVE\n")
                .file(NIC + "/infiniband/mlx5_0/ports/1/link_layer", "InfiniBand\n")
                .file(NIC + "/infiniband/mlx5_0/ports/1/rate", "400 Gb/sec (4X NDR)\n")
                .link("/sys/class/infiniband/mlx5_0", "../../devices/pci0000:00/0000:00:01.0/0000:01:00.0/0000:02:0a.0/0000:05:00.0/infiniband/mlx5_0");
        endpoint(tree, NVME, "0x010802", "0x144d", 1, "nvme");
        String disk = NVME + "/nvme/nvme0/nvme0n1";
        tree.file(disk + "/size", "7501476528\n").file(disk + "/queue/rotational", "0\n")
                .file(disk + "/queue/scheduler", "[none] mq-deadline\n").file(disk + "/queue/nr_requests", "1023\n")
                .file(disk + "/queue/read_ahead_kb", "128\n")
                .link("/sys/block/nvme0n1", "../devices/pci0000:00/0000:00:02.0/nvme/nvme0/nvme0n1");
    }

    /** A PCIe port: class 0x0604, header type 1, ACS present with redirect off. */
    static void bridge(SysfsTree tree, String dir, int portType) {
        link(tree, dir).file(dir + "/class", "0x060400\n").file(dir + "/vendor", "0x8086\n").file(dir + "/numa_node", "0\n")
                .bytes(dir + "/config", bridgeConfig(portType, 0));
    }

    /** A bridge's configuration space with the given ACS control bits. */
    static byte[] bridgeConfig(int portType, int acsControl) {
        return new ConfigSpaceBuilder(4096).headerType(1).pciExpress(portType).acs(0x100, 0x7f, acsControl).build();
    }

    private static void endpoint(SysfsTree tree, String dir, String classCode, String vendor, int node, String driver) {
        link(tree, dir).file(dir + "/class", classCode + "\n").file(dir + "/vendor", vendor + "\n").file(dir + "/device", "0x1234\n")
                .file(dir + "/numa_node", node + "\n").file(dir + "/local_cpulist", node == 0 ? "0-1\n" : "2-3\n")
                .file(dir + "/current_link_speed", "32.0 GT/s PCIe\n").file(dir + "/current_link_width", "16\n")
                .file(dir + "/max_link_speed", "32.0 GT/s PCIe\n").file(dir + "/max_link_width", "16\n")
                .bytes(dir + "/config", new ConfigSpaceBuilder(4096).headerType(0).pciExpress(0).build())
                .link(dir + "/driver", "/sys/bus/pci/drivers/" + driver);
    }

    private static SysfsTree link(SysfsTree tree, String dir) {
        String name = dir.substring(dir.lastIndexOf('/') + 1);
        return tree.link("/sys/bus/pci/devices/" + name, "../../.." + dir.substring("/sys".length()));
    }

    private static void kernel(SysfsTree tree) {
        tree.file("/proc/sys/kernel/osrelease", "6.8.0-45-generic\n")
                .file("/proc/cmdline", "BOOT_IMAGE=/boot/vmlinuz ro quiet isolcpus=3 nohz_full=3 rcu_nocbs=3 intel_iommu=on iommu=pt\n")
                .file("/proc/self/mountinfo", "30 23 0:26 / /sys/fs/cgroup rw,nosuid,nodev,noexec,relatime shared:9 - cgroup2 cgroup2 rw,nsdelegate\n")
                .file("/sys/fs/cgroup/cgroup.controllers", "cpuset cpu io memory hugetlb pids rdma\n")
                .file("/sys/fs/cgroup/cgroup.subtree_control", "cpuset cpu io memory pids\n")
                .file("/sys/kernel/mm/transparent_hugepage/enabled", "always [madvise] never\n")
                .file("/sys/kernel/mm/transparent_hugepage/defrag", "always defer defer+madvise [madvise] never\n")
                .file("/proc/sys/kernel/numa_balancing", "0\n")
                .file("/proc/sys/vm/swappiness", "10\n")
                .file("/proc/sys/vm/zone_reclaim_mode", "0\n")
                .file("/proc/swaps", "Filename\t\t\t\tType\t\tSize\t\tUsed\t\tPriority\n")
                .file("/proc/meminfo", "MemTotal: 134217728 kB\nSwapTotal: 0 kB\nSwapFree: 0 kB\n")
                .folder("/sys/class/iommu/dmar0")
                .file("/sys/kernel/iommu_groups/0/type", "identity\n")
                .file("/sys/kernel/iommu_groups/1/type", "identity\n")
                .file("/proc/sys/kernel/nmi_watchdog", "0\n");
    }

    private static void processesAndLimits(SysfsTree tree) {
        tree.file("/proc/interrupts", "            CPU0       CPU1       CPU2       CPU3\n"
                        + " 120:   10   20    0    0  IR-PCI-MSIX-0000:00:02.0    0-edge      nvme0q1\n")
                .file("/proc/irq/120/smp_affinity_list", "0-2\n")
                .file("/proc/irq/120/effective_affinity_list", "1\n")
                .file("/proc/irq/default_smp_affinity", "7\n")
                .file("/proc/1/comm", "systemd\n")
                .file("/proc/self/cgroup", "0::/user.slice/user-1000.slice/session-3.scope\n")
                .file("/sys/class/dmi/id/sys_vendor", "Dell Inc.\n")
                .file("/sys/class/dmi/id/product_name", "PowerEdge XE9680\n")
                .file("/proc/self/limits", "Limit                     Soft Limit           Hard Limit           Units     \n"
                        + "Max locked memory         unlimited            unlimited            bytes     \n");
    }
}
