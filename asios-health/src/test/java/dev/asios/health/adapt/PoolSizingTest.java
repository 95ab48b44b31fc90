package dev.asios.health.adapt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asios.health.adapt.PoolSizing.Action;
import dev.asios.health.policy.RemediationParameters.HugepagePools;
import dev.asios.host.sysroot.SysfsTree;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pool sizing, the rate, the pool reader and the per-run accounting, as values. */
class PoolSizingTest {

    private static final HugepagePools TEN_PERCENT = new HugepagePools(10, Duration.ofMinutes(30));

    @TempDir
    Path root;

    @Test
    void thePlanGrowsAtOnceAndShrinksOnlyAfterTheDelayNeverBelowTheFloor() {
        NodePool tight = new NodePool(0, 2048, 10, 0, 2, 3);
        assertThat(tight.heldPages()).isEqualTo(12);
        assertThat(PoolSizing.plan(tight, 0, TEN_PERCENT, Long.MIN_VALUE, 0)).extracting(PoolSizing.Plan::action, PoolSizing.Plan::targetPages)
                .containsExactly(Action.GROW, 17L);
        NodePool spare = new NodePool(0, 2048, 100, 95, 0, 0);
        assertThat(PoolSizing.plan(spare, 0, TEN_PERCENT, 0, Duration.ofMinutes(29).toMillis()).action()).isEqualTo(Action.HOLD);
        assertThat(PoolSizing.plan(spare, 0, TEN_PERCENT, 0, Duration.ofMinutes(30).toMillis()))
                .extracting(PoolSizing.Plan::action, PoolSizing.Plan::targetPages).containsExactly(Action.SHRINK, 6L);
        assertThat(PoolSizing.plan(new NodePool(0, 2048, 0, 0, 0, 0), 0, TEN_PERCENT, Long.MIN_VALUE, 0).action()).isEqualTo(Action.HOLD);
        assertThat(PoolSizing.plan(new NodePool(0, 2048, 0, 0, 0, 0), 9.2, TEN_PERCENT, Long.MIN_VALUE, 0).targetPages()).isEqualTo(11);
    }

    @Test
    void theRateProjectsTheSlopeOfTheWindowAndIgnoresFallsAndShortSpans() {
        InUseRate rate = new InUseRate(300_000);
        rate.add(0, 0);
        rate.add(10_000, 1);
        assertThat(rate.extraPages(600_000)).isZero();
        rate.add(40_000, 4);
        assertThat(rate.extraPages(600_000)).isCloseTo(60, org.assertj.core.data.Offset.offset(1e-9));
        InUseRate falling = new InUseRate(300_000);
        for (int i = 0; i < 5; i++) {
            falling.add(i * 10_000L, 50 - i);
        }
        assertThat(falling.extraPages(600_000)).isZero();
    }

    @Test
    void poolsAreReadPerNodeAndSizeWithTheMachineWideReserve() {
        SysfsTree tree = new SysfsTree(root);
        for (String node : new String[] {"node0", "node1"}) {
            String dir = "/sys/devices/system/node/" + node + "/hugepages/";
            tree.file(dir + "hugepages-2048kB/nr_hugepages", "8\n").file(dir + "hugepages-2048kB/free_hugepages", "3\n")
                    .file(dir + "hugepages-2048kB/surplus_hugepages", "1\n").file(dir + "hugepages-1048576kB/nr_hugepages", "0\n")
                    .file(dir + "hugepages-1048576kB/free_hugepages", "0\n");
        }
        tree.folder("/sys/devices/system/node/possible-not-a-node").file("/sys/kernel/mm/hugepages/hugepages-2048kB/resv_hugepages", "2\n");
        assertThat(NodePool.read(tree.sysroot())).containsExactly(new NodePool(0, 2048, 8, 3, 1, 2), new NodePool(0, 1048576, 0, 0, 0, 0),
                new NodePool(1, 2048, 8, 3, 1, 2), new NodePool(1, 1048576, 0, 0, 0, 0));
        assertThat(NodePool.read(tree.sysroot()).getFirst()).extracting(NodePool::heldPages, NodePool::floorPages, NodePool::sizePath)
                .containsExactly(6L, 8L, "/sys/devices/system/node/node0/hugepages/hugepages-2048kB/nr_hugepages");
    }

    @Test
    void runsAreCountedFromTheirHugetlbAccountingOfEitherCgroupVersion() {
        SysfsTree tree = new SysfsTree(root).file("/sys/fs/cgroup/unified/a/hugetlb.2MB.current", "8388608\n")
                .file("/sys/fs/cgroup/hugetlb/b/hugetlb.1GB.usage_in_bytes", "1073741824\n").folder("/sys/fs/cgroup/unified/c");
        var runs = java.util.List.of(new dev.asios.observe.runs.TrackedRun("a", java.util.List.of("/sys/fs/cgroup/unified/a")),
                new dev.asios.observe.runs.TrackedRun("b", java.util.List.of("/sys/fs/cgroup/cpu/b", "/sys/fs/cgroup/hugetlb/b")),
                new dev.asios.observe.runs.TrackedRun("c", java.util.List.of("/sys/fs/cgroup/unified/c")));
        assertThat(RunHugetlb.pagesByRun(tree.sysroot(), () -> runs, 2048)).containsExactly(java.util.Map.entry("a", 4L));
        assertThat(RunHugetlb.pagesByRun(tree.sysroot(), () -> runs, 1048576)).containsExactly(java.util.Map.entry("b", 1L));
        assertThat(RunHugetlb.sizeName(64)).isEqualTo("64KB");
    }
}
