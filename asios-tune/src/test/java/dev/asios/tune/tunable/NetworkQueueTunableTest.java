package dev.asios.tune.tunable;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asios.host.sysroot.SysfsTree;
import dev.asios.tune.plan.Change;
import dev.asios.tune.plan.Plan;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RPS and XPS masks on a four-CPU host that isolates CPUs 1 and 3 (housekeeping: 0 and 2). */
class NetworkQueueTunableTest {

    private static final String ETH0 = "/sys/devices/pci0000:00/0000:00:04.0/net/eth0";

    @TempDir
    Path tmp;

    @Test
    void keepsNonZeroMasksOffIsolatedCpus() throws IOException {
        SysfsTree tree = host();
        tree.file(ETH0 + "/queues/rx-0/rps_cpus", "0000000f\n").file(ETH0 + "/queues/rx-1/rps_cpus", "00000000\n")
                .file(ETH0 + "/queues/rx-2/rps_cpus", "00000005\n").file(ETH0 + "/queues/tx-0/xps_cpus", "0000000a\n")
                .file(ETH0 + "/queues/tx-1/xps_cpus", "00000000,00000000\n").folder(ETH0 + "/queues/tx-2")
                .link("/sys/class/net/eth0", "../../devices/pci0000:00/0000:00:04.0/net/eth0");

        Plan plan = plan(tree, "1,3", true);

        assertThat(plan.skipped()).isEmpty();
        assertThat(desired(plan)).isEqualTo(Map.of(
                "/sys/class/net/eth0/queues/rx-0/rps_cpus", "00000005",
                "/sys/class/net/eth0/queues/tx-0/xps_cpus", "00000005"));
        assertThat(plan.changes()).extracting(Change::reason).contains("receive packet steering of eth0 rx-0 kept off isolated CPUs",
                "transmit packet steering of eth0 tx-0 kept off isolated CPUs");
    }

    @Test
    void leavesLoopbackAndInterfacesWithoutQueuesAlone() throws IOException {
        SysfsTree tree = host();
        tree.file("/sys/devices/virtual/net/lo/queues/rx-0/rps_cpus", "0000000f\n").link("/sys/class/net/lo", "../../devices/virtual/net/lo")
                .folder("/sys/devices/virtual/net/dummy0").link("/sys/class/net/dummy0", "../../devices/virtual/net/dummy0");

        Plan plan = plan(tree, "1,3", true);

        assertThat(plan.changes()).isEmpty();
        assertThat(plan.skipped()).isEmpty();
    }

    @Test
    void skipsAReceiveQueueWithoutRps() throws IOException {
        SysfsTree tree = host();
        tree.folder(ETH0 + "/queues/rx-0").link("/sys/class/net/eth0", "../../devices/pci0000:00/0000:00:04.0/net/eth0");

        Plan plan = plan(tree, "1,3", true);

        assertThat(plan.changes()).isEmpty();
        assertThat(plan.skipped()).singleElement().satisfies(s -> assertThat(s.reason()).contains("rx-0/rps_cpus"));
    }

    @Test
    void plansNothingWhenTheProfileLeavesItOffOrIsolatesNoCpu() throws IOException {
        SysfsTree tree = host();
        tree.file(ETH0 + "/queues/rx-0/rps_cpus", "0000000f\n").link("/sys/class/net/eth0", "../../devices/pci0000:00/0000:00:04.0/net/eth0");

        assertThat(plan(tree, "1,3", false).changes()).isEmpty();
        assertThat(plan(tree, "none", true).changes()).isEmpty();
    }

    private SysfsTree host() {
        return FourCpuHost.tree(tmp.resolve("root"));
    }

    private Plan plan(SysfsTree tree, String isolate, boolean rpsOffIsolated) throws IOException {
        return FourCpuHost.plan(new NetworkQueueTunable(), tree.sysroot(), tmp.resolve("profiles"), "rps", """
                name: rps
                description: packet steering only
                cpu:
                  isolate: "%s"
                network:
                  rpsOffIsolated: %s
                """.formatted(isolate, rpsOffIsolated));
    }

    private static Map<String, String> desired(Plan plan) {
        return plan.changes().stream().collect(Collectors.toMap(Change::path, Change::desired));
    }
}
