package dev.asios.host.kernel;

import dev.asios.host.sysroot.SysfsTree;
import java.nio.file.Path;

/** Whole machines as recorded trees, the layouts that the reader tests share. */
final class KernelTrees {

    static final String UBUNTU_MOUNTINFO = """
            22 1 0:21 / /proc rw,nosuid,nodev,noexec,relatime shared:12 - proc proc rw
            23 1 0:22 / /sys rw,nosuid,nodev,noexec,relatime shared:7 - sysfs sysfs rw
            30 23 0:26 / /sys/fs/cgroup rw,nosuid,nodev,noexec,relatime shared:9 - cgroup2 cgroup2 rw,nsdelegate,memory_recursiveprot
            """;

    static final String V1_MOUNTINFO = """
            31 23 0:27 / /sys/fs/cgroup ro,nosuid,nodev,noexec shared:9 - tmpfs tmpfs ro,mode=755
            32 31 0:28 / /sys/fs/cgroup/systemd rw,nosuid,nodev,noexec,relatime shared:10 - cgroup cgroup rw,xattr,name=systemd
            34 31 0:30 / /sys/fs/cgroup/cpu,cpuacct rw,nosuid,nodev,noexec,relatime shared:12 - cgroup cgroup rw,cpu,cpuacct
            35 31 0:31 / /sys/fs/cgroup/cpuset rw,nosuid,nodev,noexec,relatime shared:13 - cgroup cgroup rw,cpuset
            36 31 0:32 / /sys/fs/cgroup/memory rw,nosuid,nodev,noexec,relatime shared:14 - cgroup cgroup rw,memory
            """;

    private KernelTrees() {
    }

    /** A tree with empty {@code /proc} and {@code /sys} folders: a kernel that shows nothing yet. */
    static SysfsTree empty(Path root) {
        return new SysfsTree(root).folder("/proc").folder("/sys");
    }

    /**
     * A two-socket Ubuntu 24.04 server, kernel 6.8, cgroup v2 only, intel_pstate in powersave with
     * C-states, IOMMU in DMA-FQ mode, irqbalance running, isolcpus on the command line.
     */
    static SysfsTree ubuntu2404(Path root) {
        SysfsTree tree = empty(root);
        ubuntuKernelAndMemory(tree);
        ubuntuCpus(tree);
        ubuntuDevicesAndProcesses(tree);
        return tree;
    }

    private static void ubuntuKernelAndMemory(SysfsTree tree) {
        tree.file("/proc/sys/kernel/osrelease", "6.8.0-45-generic\n")
                .file("/proc/version", "Linux version 6.8.0-45-generic (buildd@lcy02-amd64-115) (x86_64-linux-gnu-gcc-13 (Ubuntu 13.2.0-23ubuntu4) 13.2.0) #45-Ubuntu SMP PREEMPT_DYNAMIC Fri Aug 30 12:02:04 UTC 2024\n")
                .file("/proc/cmdline", "BOOT_IMAGE=/boot/vmlinuz-6.8.0-45-generic root=UUID=1234 ro quiet splash isolcpus=managed_irq,domain,2-3 nohz_full=2-3 rcu_nocbs=2-3 intel_iommu=on processor.max_cstate=1\n")
                .file("/proc/self/mountinfo", UBUNTU_MOUNTINFO)
                .file("/sys/fs/cgroup/cgroup.controllers", "cpuset cpu io memory hugetlb pids rdma misc\n")
                .file("/sys/fs/cgroup/cgroup.subtree_control", "cpuset cpu io memory pids\n")
                .file("/sys/fs/cgroup/system.slice/cpuset.cpus.partition", "member\n")
                .file("/sys/kernel/mm/transparent_hugepage/enabled", "always [madvise] never\n")
                .file("/sys/kernel/mm/transparent_hugepage/defrag", "always defer defer+madvise [madvise] never\n")
                .file("/sys/kernel/mm/transparent_hugepage/khugepaged/defrag", "1\n")
                .file("/proc/sys/kernel/numa_balancing", "1\n")
                .file("/proc/sys/vm/swappiness", "60\n")
                .file("/proc/sys/vm/zone_reclaim_mode", "0\n")
                .file("/proc/swaps", "Filename\t\t\t\tType\t\tSize\t\tUsed\t\tPriority\n/swap.img                               file\t\t8388604\t\t0\t\t-2\n")
                .file("/proc/meminfo", "MemTotal:       263842340 kB\nSwapTotal:       8388604 kB\nSwapFree:        8388604 kB\n");
    }

    private static void ubuntuCpus(SysfsTree tree) {
        String cpu = "/sys/devices/system/cpu";
        tree.file(cpu + "/possible", "0-3\n")
                .file(cpu + "/isolated", "2-3\n")
                .file(cpu + "/nohz_full", "2-3\n")
                .file(cpu + "/intel_pstate/no_turbo", "0\n")
                .file(cpu + "/cpuidle/current_driver", "intel_idle\n")
                .file(cpu + "/cpuidle/current_governor_ro", "menu\n")
                .file("/sys/module/intel_idle/parameters/max_cstate", "9\n");
        for (int n = 0; n < 4; n++) {
            String policy = cpu + "/cpufreq/policy" + n;
            tree.file(policy + "/scaling_governor", "powersave\n")
                    .file(policy + "/scaling_driver", "intel_pstate\n")
                    .file(policy + "/energy_performance_preference", "balance_performance\n")
                    .file(policy + "/affected_cpus", n + "\n")
                    .link(cpu + "/cpu" + n + "/cpufreq", "../cpufreq/policy" + n)
                    .file(cpu + "/cpu" + n + "/power/energy_perf_bias", "6\n");
        }
        String[][] states = {{"POLL", "0"}, {"C1", "2"}, {"C1E", "10"}, {"C6", "170"}};
        for (int k = 0; k < states.length; k++) {
            String state = cpu + "/cpu0/cpuidle/state" + k;
            tree.file(state + "/name", states[k][0] + "\n").file(state + "/latency", states[k][1] + "\n").file(state + "/disable", k == 3 ? "1\n" : "0\n");
        }
    }

    private static void ubuntuDevicesAndProcesses(SysfsTree tree) {
        tree.folder("/sys/class/iommu/dmar0").folder("/sys/class/iommu/dmar1");
        for (int group = 0; group < 3; group++) {
            tree.file("/sys/kernel/iommu_groups/" + group + "/type", "DMA-FQ\n");
        }
        tree.file("/proc/interrupts", "            CPU0       CPU1       CPU2       CPU3\n"
                        + " 120:   10   20    0    0  IR-PCI-MSIX-0000:3b:00.0    0-edge      nvme0q1\n"
                        + " NMI:    1    1    1    1   Non-maskable interrupts\n")
                .file("/proc/irq/120/smp_affinity_list", "0-1\n")
                .file("/proc/irq/120/effective_affinity_list", "1\n")
                .file("/proc/irq/default_smp_affinity", "3\n")
                .file("/proc/1/comm", "systemd\n")
                .file("/proc/1/environ", "HOME=/\0TERM=linux\0")
                .file("/proc/812/comm", "irqbalance\n")
                .file("/proc/812/environ", "IRQBALANCE_BANNED_CPULIST=2-3\0")
                .file("/proc/self/cgroup", "0::/user.slice/user-1000.slice/session-3.scope\n")
                .file("/proc/cpuinfo", "processor\t: 0\nvendor_id\t: GenuineIntel\nflags\t\t: fpu vme de pse msr sse sse2 avx512f\n\n")
                .file("/sys/class/dmi/id/sys_vendor", "Dell Inc.\n")
                .file("/sys/class/dmi/id/product_name", "PowerEdge R760\n")
                .file("/proc/self/limits", "Limit                     Soft Limit           Hard Limit           Units     \n"
                        + "Max locked memory         unlimited            unlimited            bytes     \n")
                .file("/proc/sys/kernel/nmi_watchdog", "0\n")
                .file("/proc/sys/kernel/timer_migration", "0\n")
                .file("/proc/sys/vm/stat_interval", "10\n")
                .file("/proc/sys/kernel/sched_rt_runtime_us", "-1\n");
    }
}
