package dev.asios.host.findings;

import static dev.asios.host.findings.HealthyHost.CPU;
import static dev.asios.host.findings.HealthyHost.GPU0;
import static dev.asios.host.findings.HealthyHost.GPU0_PORT;
import static dev.asios.host.findings.HealthyHost.NIC;
import static dev.asios.host.findings.HealthyHost.NODE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.asios.host.inspect.HostInspector;
import dev.asios.host.inspect.HostSnapshot;
import dev.asios.host.sysroot.SysfsTree;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract of every rule: quiet on a healthy host, and fires (with evidence, a reason and a
 * fix) when the one thing it checks is broken. Every built-in rule must have a breaker here.
 */
class RuleBookTest {

    private static final Map<String, Consumer<SysfsTree>> BREAKERS = new TreeMap<>(Map.ofEntries(
            Map.entry("acs-redirects-gpu-p2p", t -> t.bytes(GPU0_PORT + "/config", HealthyHost.bridgeConfig(6, 0b1100))),
            Map.entry("cgroup-v1", t -> t.file("/proc/self/mountinfo",
                    "35 31 0:31 / /sys/fs/cgroup/cpuset rw,nosuid,nodev,noexec,relatime shared:13 - cgroup cgroup rw,cpuset\n")),
            Map.entry("deep-c-states", t -> t.file(CPU + "/cpu0/cpuidle/state2/name", "C6\n")
                    .file(CPU + "/cpu0/cpuidle/state2/latency", "170\n").file(CPU + "/cpu0/cpuidle/state2/disable", "0\n")),
            Map.entry("cpu-governor-not-performance", t -> t.file(CPU + "/cpufreq/policy1/scaling_governor", "powersave\n")),
            Map.entry("gpu-rdma-nic-far", t -> t.file(NIC + "/numa_node", "1\n")),
            Map.entry("iommu-translated", t -> t.file("/sys/kernel/iommu_groups/1/type", "DMA-FQ\n")),
            Map.entry("irqbalance-vs-isolation", t -> t.file("/proc/812/comm", "irqbalance\n").file("/proc/812/environ", "PATH=/usr/bin\0")),
            Map.entry("irqs-on-isolated-cpus", t -> t.file("/proc/irq/120/effective_affinity_list", "3\n")),
            Map.entry("isolated-without-nohz-full", t -> t.file(CPU + "/nohz_full", "(null)\n")),
            Map.entry("memlock-limited", t -> t.file("/proc/self/limits",
                    "Limit                     Soft Limit           Hard Limit           Units     \n"
                            + "Max locked memory         8388608              8388608              bytes     \n")),
            Map.entry("nmi-watchdog-on", t -> t.file("/proc/sys/kernel/nmi_watchdog", "1\n")),
            Map.entry("no-hugepages-reserved", t -> t.file(NODE + "/node0/hugepages/hugepages-2048kB/nr_hugepages", "0\n")
                    .file(NODE + "/node1/hugepages/hugepages-2048kB/nr_hugepages", "0\n")),
            Map.entry("numa-balancing-on", t -> t.file("/proc/sys/kernel/numa_balancing", "1\n")),
            Map.entry("nvme-scheduler-not-none", t -> t.file(HealthyHost.NVME + "/nvme/nvme0/nvme0n1/queue/scheduler", "[mq-deadline] none\n")),
            Map.entry("cpus-offline", t -> t.file(CPU + "/online", "0-2\n")),
            Map.entry("kernel-too-old-for-partitions", t -> t.file("/proc/sys/kernel/osrelease", "5.15.0-100-generic\n")),
            Map.entry("pcie-link-degraded", t -> t.file(GPU0 + "/current_link_width", "8\n")),
            Map.entry("swap-on", t -> t.file("/proc/swaps", "Filename\tType\tSize\tUsed\tPriority\n/swap.img file 8388604 0 -2\n")),
            Map.entry("thp-defrag-stalls", t -> t.file("/sys/kernel/mm/transparent_hugepage/defrag", "[always] defer defer+madvise madvise never\n")),
            Map.entry("thp-disabled", t -> t.file("/sys/kernel/mm/transparent_hugepage/enabled", "always madvise [never]\n")),
            Map.entry("virtual-machine", t -> t.file("/proc/cpuinfo", "processor\t: 0\nvendor_id\t: GenuineIntel\nflags\t\t: fpu lm hypervisor\n\n")
                    .file("/sys/class/dmi/id/sys_vendor", "QEMU\n").file("/sys/class/dmi/id/product_name", "Standard PC (Q35 + ICH9, 2009)\n")),
            Map.entry("zone-reclaim-on", t -> t.file("/proc/sys/vm/zone_reclaim_mode", "1\n"))));

    @TempDir
    Path root;

    static Stream<String> ruleIds() {
        return RuleBook.builtIn().rules().stream().map(Rule::id);
    }

    @Test
    void aHealthyHostHasNoFindingsAndNoWarnings() {
        HostSnapshot host = inspect(HealthyHost.write(new SysfsTree(root)));
        assertThat(host.warnings()).isEmpty();
        assertThat(host.pci().gpus()).hasSize(2);
        assertThat(host.pci().rdmaDevices()).hasSize(1);
        assertThat(RuleBook.builtIn().evaluate(host)).isEmpty();
    }

    @Test
    void everyRuleHasABreakerAndThereAreAtLeastFifteen() {
        Set<String> ids = ruleIds().collect(Collectors.toSet());
        assertThat(ids).hasSizeGreaterThanOrEqualTo(15).isEqualTo(BREAKERS.keySet());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ruleIds")
    void firesWhenItsThingIsBroken(String id) {
        SysfsTree tree = HealthyHost.write(new SysfsTree(root));
        BREAKERS.get(id).accept(tree);
        List<Finding> findings = RuleBook.builtIn().evaluate(inspect(tree));
        assertThat(findings).extracting(Finding::id).contains(id);
        Finding finding = findings.stream().filter(f -> f.id().equals(id)).findFirst().orElseThrow();
        assertThat(finding.title()).isNotBlank();
        assertThat(finding.why()).isNotBlank();
        assertThat(finding.evidence()).isNotEmpty().allSatisfy(e -> assertThat(e.path()).startsWith("/"));
        assertThat(finding.fixes()).isNotEmpty();
    }

    @Test
    void sortsWorstFirst() {
        SysfsTree tree = HealthyHost.write(new SysfsTree(root));
        BREAKERS.get("nmi-watchdog-on").accept(tree);
        BREAKERS.get("swap-on").accept(tree);
        BREAKERS.get("cpus-offline").accept(tree);
        List<Finding> findings = RuleBook.builtIn().evaluate(inspect(tree));
        assertThat(findings).extracting(Finding::severity).isSorted();
        assertThat(findings.getFirst().id()).isEqualTo("swap-on");
    }

    private static HostSnapshot inspect(SysfsTree tree) {
        return new HostInspector(tree.sysroot()).inspect();
    }
}
