package dev.asios.health.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.asios.health.signal.SignalNames.Cpu;
import dev.asios.health.signal.SignalNames.Disk;
import dev.asios.health.signal.SignalNames.Host;
import dev.asios.health.signal.SignalNames.Nic;
import dev.asios.health.signal.SignalNames.Node;
import dev.asios.health.signal.SignalNames.Run;
import dev.asios.host.sysroot.SysfsTree;
import dev.asios.host.sysroot.Sysroot;
import dev.asios.observe.cgroup.RunCgroupCollector;
import dev.asios.observe.collect.AllocationMeter;
import dev.asios.observe.collect.Collector;
import dev.asios.observe.cpu.CpuCollector;
import dev.asios.observe.disk.DiskCollector;
import dev.asios.observe.memory.MemoryCollector;
import dev.asios.observe.metric.MetricRegistry;
import dev.asios.observe.net.NetworkCollector;
import dev.asios.observe.pressure.PressureCollector;
import dev.asios.observe.runs.TrackedRun;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real collectors over two rounds recorded on the Debian 12 test host, one second apart, and a
 * run cgroup made here: the groups and signals they give, and their values against the recorded
 * files' numbers.
 */
class SignalExtractorRecordedTest {

    private static final String RUN_FOLDER = "/sys/fs/cgroup/asios-runs/run-a";
    private static final double SECTOR_BYTES = 512;

    @TempDir
    Path root;

    private final MetricRegistry registry = new MetricRegistry();
    private final List<TrackedRun> runs = new ArrayList<>(List.of(new TrackedRun("a", List.of(RUN_FOLDER))));
    private List<Collector> collectors;
    private SignalExtractor extractor;

    @BeforeEach
    void collectors() {
        RecordedRounds.copy(RecordedRounds.ROUND_1, root);
        new SysfsTree(root).folder("/sys/block/vda").folder("/sys/block/loop0").folder("/sys/block/zram0");
        run(2_500_000, 10, 3, 104_857_600);
        Sysroot sysroot = Sysroot.of(root);
        collectors = List.of(new CpuCollector(sysroot, registry), new MemoryCollector(sysroot, registry), new PressureCollector(sysroot, registry),
                new DiskCollector(sysroot, registry), new NetworkCollector(sysroot, registry), new RunCgroupCollector(sysroot, registry, () -> List.copyOf(runs)));
        extractor = new SignalExtractor(registry);
    }

    private void run(long usageMicros, long periods, long throttled, long memoryBytes) {
        new SysfsTree(root).file(RUN_FOLDER + "/cgroup.controllers", "cpu io memory\n")
                .file(RUN_FOLDER + "/cpu.stat", "usage_usec " + usageMicros + "\nuser_usec " + usageMicros + "\nsystem_usec 0\nnr_periods " + periods
                        + "\nnr_throttled " + throttled + "\nthrottled_usec 0\n")
                .file(RUN_FOLDER + "/memory.current", memoryBytes + "\n")
                .file(RUN_FOLDER + "/memory.max", "1073741824\n")
                .file(RUN_FOLDER + "/io.stat", "254:0 rbytes=" + memoryBytes / 100 + " wbytes=4096 rios=22 wios=1 dbytes=0 dios=0\n");
    }

    private SignalRound round(long epochMs) throws Exception {
        for (Collector collector : collectors) {
            collector.collect();
        }
        return extractor.extract(epochMs);
    }

    @Test
    void theFirstRoundHasEveryGroupWithGaugesButNoRates() throws Exception {
        SignalRound first = round(1_000);

        assertThat(first.groupsChanged()).isTrue();
        assertThat(first.groups()).extracting(SignalGroup::id)
                .containsExactly("cpu/0", "cpu/1", "node/0", "disk/vda", "nic/eth0", "nic/ifb0", "nic/ifb1", "nic/lo", "run/a", "host/all");
        assertThat(first.group("cpu/0").orElseThrow().group().signals())
                .as("no /proc/schedstat on this host and no eBPF probe here").containsExactly(Cpu.BUSY_RATIO, Cpu.IOWAIT_RATIO,
                        Cpu.IRQ_SOFTIRQ_RATIO, Cpu.STEAL_RATIO, Cpu.INTERRUPTS_PER_SECOND);
        assertThat(first.group("node/0").orElseThrow().group().signals()).containsExactly(Node.MEMORY_USED_RATIO, Node.HUGEPAGES_FREE_BYTES,
                Node.NUMA_MISS_PER_SECOND, Node.NUMA_FOREIGN_PER_SECOND);
        assertThat(first.group("disk/vda").orElseThrow().group().signals()).containsExactly(Disk.READ_BYTES_PER_SECOND,
                Disk.WRITE_BYTES_PER_SECOND, Disk.IOPS, Disk.MEAN_LATENCY_SECONDS, Disk.UTILIZATION_RATIO, Disk.QUEUE_DEPTH);
        assertThat(first.group("run/a").orElseThrow().group().signals()).containsExactly(Run.CPU_CORES_USED, Run.THROTTLED_RATIO,
                Run.MEMORY_BYTES, Run.MEMORY_LIMIT_RATIO, Run.IO_READ_BYTES_PER_SECOND, Run.IO_WRITE_BYTES_PER_SECOND);
        assertThat(first.group(Host.ID).orElseThrow().group().signals()).contains(Host.CPU_PRESSURE_SOME_RATIO, Host.MEMORY_PRESSURE_FULL_RATIO,
                Host.SWAP_IN_PAGES_PER_SECOND, Host.CONTEXT_SWITCHES_PER_SECOND, Host.PROCS_RUNNING).doesNotContain("cpu_pressure_full_ratio");

        assertThat(first.value("cpu/0", Cpu.BUSY_RATIO)).isNaN();
        assertThat(first.value("disk/vda", Disk.READ_BYTES_PER_SECOND)).isNaN();
        assertThat(first.value("run/a", Run.MEMORY_BYTES)).isEqualTo(104_857_600);
        assertThat(first.value("run/a", Run.MEMORY_LIMIT_RATIO)).isEqualTo(104_857_600 / 1073741824.0);
        double available = Double.parseDouble(RecordedRounds.line(RecordedRounds.ROUND_1, "/proc/meminfo", "MemAvailable:").get(1));
        double total = Double.parseDouble(RecordedRounds.line(RecordedRounds.ROUND_1, "/proc/meminfo", "MemTotal:").get(1));
        assertThat(first.value(Host.ID, Host.MEMORY_AVAILABLE_RATIO)).isCloseTo(available / total, within(1e-12));
    }

    @Test
    void theSecondRoundsRatesAreTheRecordedChangesOverTheSecond() throws Exception {
        round(1_000);
        RecordedRounds.copy(RecordedRounds.ROUND_2, root);
        run(3_250_000, 20, 8, 110_000_000);
        SignalRound second = round(2_000);

        assertThat(second.groupsChanged()).isFalse();
        List<String> before = RecordedRounds.line(RecordedRounds.ROUND_1, "/proc/stat", "cpu1");
        List<String> after = RecordedRounds.line(RecordedRounds.ROUND_2, "/proc/stat", "cpu1");
        double[] change = new double[8];
        double all = 0;
        for (int mode = 0; mode < 8; mode++) {
            change[mode] = Long.parseLong(after.get(mode + 1)) - Long.parseLong(before.get(mode + 1));
            all += change[mode];
        }
        assertThat(second.value("cpu/1", Cpu.BUSY_RATIO)).isCloseTo((change[0] + change[1] + change[2] + change[5] + change[6]) / all, within(1e-9));
        assertThat(second.value("cpu/1", Cpu.IOWAIT_RATIO)).isCloseTo(change[4] / all, within(1e-9));
        assertThat(second.value("cpu/1", Cpu.STEAL_RATIO)).isCloseTo(change[7] / all, within(1e-9));
        assertThat(second.value("cpu/1", Cpu.INTERRUPTS_PER_SECOND)).isPositive();

        List<String> disk1 = RecordedRounds.line(RecordedRounds.ROUND_1, "/proc/diskstats", "254");
        List<String> disk2 = RecordedRounds.line(RecordedRounds.ROUND_2, "/proc/diskstats", "254");
        assertThat(disk1.get(2)).isEqualTo("vda");
        assertThat(second.value("disk/vda", Disk.READ_BYTES_PER_SECOND)).isEqualTo(changeOf(disk1, disk2, 5) * SECTOR_BYTES);
        assertThat(second.value("disk/vda", Disk.WRITE_BYTES_PER_SECOND)).isEqualTo(changeOf(disk1, disk2, 9) * SECTOR_BYTES)
                .as("16 MiB written with direct I/O").isGreaterThanOrEqualTo(16 * 1024 * 1024);
        assertThat(second.value("disk/vda", Disk.IOPS)).isEqualTo(changeOf(disk1, disk2, 3) + changeOf(disk1, disk2, 7));
        assertThat(second.value("disk/vda", Disk.MEAN_LATENCY_SECONDS)).isCloseTo(
                (changeOf(disk1, disk2, 6) + changeOf(disk1, disk2, 10)) / 1000 / (changeOf(disk1, disk2, 3) + changeOf(disk1, disk2, 7)), within(1e-12));
        assertThat(second.value("disk/vda", Disk.UTILIZATION_RATIO)).isCloseTo(changeOf(disk1, disk2, 12) / 1000, within(1e-12));

        List<String> lo1 = RecordedRounds.line(RecordedRounds.ROUND_1, "/proc/net/dev", "lo:");
        List<String> lo2 = RecordedRounds.line(RecordedRounds.ROUND_2, "/proc/net/dev", "lo:");
        assertThat(second.value("nic/lo", Nic.RX_BYTES_PER_SECOND)).isEqualTo(changeOf(lo1, lo2, 1));
        assertThat(second.value("nic/lo", Nic.TX_DROPS_PER_SECOND)).isEqualTo(changeOf(lo1, lo2, 12));

        List<String> psi1 = RecordedRounds.line(RecordedRounds.ROUND_1, "/proc/pressure/cpu", "some");
        List<String> psi2 = RecordedRounds.line(RecordedRounds.ROUND_2, "/proc/pressure/cpu", "some");
        assertThat(second.value(Host.ID, Host.CPU_PRESSURE_SOME_RATIO)).isCloseTo((total(psi2) - total(psi1)) / 1e6, within(1e-12));
        assertThat(second.value(Host.ID, Host.SWAP_IN_PAGES_PER_SECOND)).isZero();

        assertThat(second.value("run/a", Run.CPU_CORES_USED)).isCloseTo(0.75, within(1e-12));
        assertThat(second.value("run/a", Run.THROTTLED_RATIO)).isCloseTo(0.5, within(1e-12));
        assertThat(second.value("run/a", Run.IO_READ_BYTES_PER_SECOND)).isCloseTo((110_000_000 - 104_857_600) / 100.0, within(1.0));
        assertThat(second.value("node/0", Node.NUMA_MISS_PER_SECOND)).isGreaterThanOrEqualTo(0);
    }

    @Test
    void aRunThatEndsLosesItsGroupAndTheOthersGoOn() throws Exception {
        round(1_000);
        RecordedRounds.copy(RecordedRounds.ROUND_2, root);
        round(2_000);
        runs.clear();
        SignalRound third = round(3_000);

        assertThat(third.groupsChanged()).isTrue();
        assertThat(third.group("run/a")).isEmpty();
        assertThat(third.value("cpu/0", Cpu.BUSY_RATIO)).as("nothing changed in the files: no time passed on the CPUs").isNaN();
        assertThat(third.value("disk/vda", Disk.IOPS)).isZero();
    }

    @Test
    void aRoundAllocatesLittleBeyondTheObservationsItReturns() throws Exception {
        round(1_000);
        long[] now = {1_000};
        long bytes = AllocationMeter.bytesPerCall(() -> extractor.extract(now[0] += 1_000));
        int groups = extractor.groups().size();
        assertThat(bytes).as("%d groups", groups).isLessThan(160L * groups + 256);
    }

    private static double changeOf(List<String> before, List<String> after, int field) {
        return Long.parseLong(after.get(field)) - Long.parseLong(before.get(field));
    }

    private static double total(List<String> psiLine) {
        return Double.parseDouble(psiLine.getLast().substring("total=".length()));
    }
}
