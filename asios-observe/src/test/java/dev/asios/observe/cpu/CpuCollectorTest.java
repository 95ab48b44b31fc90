package dev.asios.observe.cpu;

import static dev.asios.observe.kerneltext.CollectorTesting.allocatedBytesPerCollection;
import static dev.asios.observe.kerneltext.CollectorTesting.allocatedBytesPerReading;
import static dev.asios.observe.kerneltext.CollectorTesting.labels;
import static dev.asios.observe.kerneltext.CollectorTesting.recordedHost;
import static dev.asios.observe.kerneltext.CollectorTesting.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.asios.host.kernel.InterruptLine;
import dev.asios.host.kernel.Interrupts;
import dev.asios.host.kernel.InterruptsParser;
import dev.asios.host.parse.ParseException;
import dev.asios.host.sysroot.SysfsTree;
import dev.asios.host.sysroot.Sysroot;
import dev.asios.observe.metric.MetricRegistry;
import dev.asios.observe.metric.PrometheusExposition;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CpuCollectorTest {

    private final MetricRegistry registry = new MetricRegistry();

    @Test
    void theRecordedHostsCountersMatchItsText() throws Exception {
        Sysroot host = recordedHost();
        CpuCollector collector = new CpuCollector(host, registry);
        assertThat(collector.availability().available()).isTrue();
        collector.collect();

        int cpus = 0;
        for (String line : host.read("/proc/stat").orElseThrow().lines().toList()) {
            String[] words = line.split("\\s+");
            if (words[0].matches("cpu\\d+")) {
                cpus++;
                for (int mode = 0; mode < ProcStat.MODES.length; mode++) {
                    assertThat(value(registry, "asios_cpu_seconds", words[0].substring(3), ProcStat.MODES[mode]))
                            .as(line + " " + ProcStat.MODES[mode]).isEqualTo(Long.parseLong(words[mode + 1]) / 100.0);
                }
            } else if (words[0].equals("ctxt")) {
                assertThat(value(registry, "asios_context_switches")).isEqualTo(Double.parseDouble(words[1]));
            } else if (words[0].equals("processes")) {
                assertThat(value(registry, "asios_forks")).isEqualTo(Double.parseDouble(words[1]));
            } else if (words[0].equals("procs_running")) {
                assertThat(value(registry, "asios_procs_running")).isEqualTo(Double.parseDouble(words[1]));
            }
        }
        assertThat(cpus).isEqualTo(2);
        assertThat(labels(registry, "asios_cpu_seconds")).hasSize(2 * ProcStat.MODES.length);

        Interrupts interrupts = InterruptsParser.parse(host.read("/proc/interrupts").orElseThrow());
        for (int column = 0; column < interrupts.cpus().size(); column++) {
            long sum = 0;
            for (InterruptLine line : interrupts.lines()) {
                sum += line.counts().size() == interrupts.cpus().size() ? line.counts().get(column) : 0;
            }
            assertThat(value(registry, "asios_cpu_interrupts", interrupts.cpus().get(column).toString())).isEqualTo(sum);
        }

        for (String line : host.read("/proc/softirqs").orElseThrow().lines().skip(1).toList()) {
            String[] words = line.strip().split("\\s+");
            String type = words[0].replace(":", "").toLowerCase();
            assertThat(value(registry, "asios_cpu_softirqs", "0", type)).as(line).isEqualTo(Double.parseDouble(words[1]));
            assertThat(value(registry, "asios_cpu_softirqs", "1", type)).as(line).isEqualTo(Double.parseDouble(words[2]));
        }

        assertThat(value(registry, "asios_cpu_online", "1")).isEqualTo(1);
        assertThat(value(registry, "asios_cpu_isolated", "1")).isZero();
        assertThat(labels(registry, "asios_cpu_runqueue_wait_seconds")).as("this host has no /proc/schedstat").isEmpty();
        assertThat(labels(registry, "asios_cpu_frequency_hertz")).as("this VM has no cpufreq driver").isEmpty();
    }

    @Test
    void readsSchedstatCpufreqAndIsolationAndFollowsCpusGoingOfflineAndOnline(@TempDir Path root) throws Exception {
        SysfsTree tree = tree(root);
        CpuCollector collector = new CpuCollector(tree.sysroot(), registry);
        collector.collect();

        assertThat(value(registry, "asios_cpu_runqueue_wait_seconds", "0")).isCloseTo(4.679174046, within(1e-12));
        assertThat(value(registry, "asios_cpu_frequency_hertz", "0")).isEqualTo(2.4e9);
        assertThat(labels(registry, "asios_cpu_frequency_hertz")).as("CPU 2's file says <unknown>").containsExactly(List.of("0"));
        assertThat(labels(registry, "asios_cpu_online")).containsExactly(List.of("0"), List.of("1"), List.of("2"));
        assertThat(value(registry, "asios_cpu_online", "1")).isZero();
        assertThat(value(registry, "asios_cpu_isolated", "2")).isEqualTo(1);
        assertThat(value(registry, "asios_cpu_isolated", "0")).isZero();
        assertThat(value(registry, "asios_cpu_softirqs", "1", "timer")).as("offline CPUs keep their softirq columns").isZero();
        assertThat(value(registry, "asios_cpu_seconds", "2", "iowait")).isEqualTo(0.4);

        tree.file("/proc/stat", CpuTexts.STAT.replace("cpu2 ", "cpu1 1 1 1 1 1 1 1 1 0 0\ncpu2 "))
                .file("/sys/devices/system/cpu/cpu1/cpufreq/scaling_cur_freq", "1200000\n");
        collector.collect();
        assertThat(value(registry, "asios_cpu_online", "1")).isEqualTo(1);
        assertThat(value(registry, "asios_cpu_seconds", "1", "user")).isEqualTo(0.01);
        assertThat(value(registry, "asios_cpu_frequency_hertz", "1")).isEqualTo(1.2e9);

        tree.file("/proc/stat", CpuTexts.STAT.replaceAll("cpu2 .*\n", ""))
                .file("/proc/schedstat", CpuTexts.SCHEDSTAT_V17.replaceAll("cpu2 .*\n", ""))
                .file("/proc/interrupts", CpuTexts.INTERRUPTS.replace("       CPU2", "").replaceAll("(\\d+:\\s+\\d+)\\s+\\d+", "$1"));
        collector.collect();
        assertThat(labels(registry, "asios_cpu_seconds")).noneMatch(labels -> labels.getFirst().equals("2"));
        assertThat(labels(registry, "asios_cpu_runqueue_wait_seconds")).containsExactly(List.of("0"));
        assertThat(labels(registry, "asios_cpu_interrupts")).containsExactly(List.of("0"));
        assertThat(labels(registry, "asios_cpu_frequency_hertz")).containsExactly(List.of("0"));
        assertThat(value(registry, "asios_cpu_online", "2")).isZero();
        assertThat(value(registry, "asios_cpu_online", "1")).isZero();
    }

    @Test
    void countersNeverGoDownWhenAnInterruptRowVanishesOrIdleTimeStepsBack(@TempDir Path root) throws Exception {
        SysfsTree tree = tree(root);
        CpuCollector collector = new CpuCollector(tree.sysroot(), registry);
        collector.collect();
        assertThat(value(registry, "asios_cpu_interrupts", "0")).isEqualTo(10_461_651);

        tree.file("/proc/interrupts", CpuTexts.INTERRUPTS.replaceAll(" +31:.*\n", "").replace("10458382", "10458482"))
                .file("/proc/stat", CpuTexts.STAT.replace("cpu0 1000 10 500 25000", "cpu0 1000 10 500 24999"));
        collector.collect();
        assertThat(value(registry, "asios_cpu_interrupts", "0")).as("the row's 3268 went, 100 timer interrupts came").isEqualTo(10_461_651);
        assertThat(value(registry, "asios_cpu_seconds", "0", "idle")).isEqualTo(250);

        tree.file("/proc/interrupts", CpuTexts.INTERRUPTS.replaceAll(" +31:.*\n", "").replace("10458382", "10458582"));
        collector.collect();
        assertThat(value(registry, "asios_cpu_interrupts", "0")).isEqualTo(10_461_751);
    }

    @Test
    void aGarbledFileFailsTheCollectionAfterTheOthersAreRead(@TempDir Path root) throws Exception {
        SysfsTree tree = tree(root);
        CpuCollector collector = new CpuCollector(tree.sysroot(), registry);
        tree.file("/proc/interrupts", "garbage\n").file("/proc/stat", CpuTexts.STAT.replace("ctxt 46380687", "ctxt 46380700"));
        assertThatThrownBy(collector::collect).isInstanceOf(ParseException.class)
                .hasMessage("/proc/interrupts: expected 'CPUN', found 'garbage' in line 'garbage'");
        assertThat(value(registry, "asios_context_switches")).isEqualTo(46_380_700);
        assertThat(value(registry, "asios_cpu_runqueue_wait_seconds", "2")).isPositive();
    }

    @Test
    void withoutProcStatItIsUnavailableAndAnUnknownSchedstatIsLeftOut(@TempDir Path root) {
        Sysroot empty = new SysfsTree(root).folder("/proc").sysroot();
        assertThat(new CpuCollector(empty, registry).availability().reason()).isEqualTo("/proc/stat is missing or unreadable; is /proc mounted?");

        Sysroot newer = tree(root).file("/proc/schedstat", "version 18\n").sysroot();
        new CpuCollector(newer, new MetricRegistry());
        assertThat(newer.diagnostics().warnings()).singleElement().hasToString(
                "/proc/schedstat: schedstat version 18 is not known; versions 15 to 17 are; run-queue wait is not collected");
    }

    @Test
    void aCollectionAllocatesNothingBeyondOpeningItsFiles(@TempDir Path root) throws Exception {
        Sysroot sysroot = tree(root).sysroot();
        long opening = allocatedBytesPerReading(sysroot, "/proc/stat", "/proc/interrupts", "/proc/softirqs", "/proc/schedstat",
                "/sys/devices/system/cpu/cpu0/cpufreq/scaling_cur_freq");
        long collecting = allocatedBytesPerCollection(new CpuCollector(sysroot, registry));
        assertThat(collecting).as("bytes per collection; opening the 5 files costs %d", opening).isLessThanOrEqualTo(opening + 256);
    }

    @Test
    void theSeriesScrapeInThePrometheusFormat(@TempDir Path root) throws Exception {
        new CpuCollector(tree(root).sysroot(), registry).collect();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new PrometheusExposition(registry).write(out, PrometheusExposition.Format.OPEN_METRICS);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("asios_cpu_seconds_total{cpu=\"2\",mode=\"steal\"} 0.05")
                .contains("asios_cpu_frequency_hertz{cpu=\"0\"} 2.4E9").contains("asios_cpu_softirqs_total{cpu=\"0\",type=\"net_rx\"} 1.4630071E7")
                .contains("# UNIT asios_cpu_runqueue_wait_seconds seconds");
    }

    /** CPUs 0 and 2 online of 0-2, CPU 2 isolated, schedstat 17, cpufreq on CPU 0 and a broken one on CPU 2. */
    private static SysfsTree tree(Path root) {
        return new SysfsTree(root)
                .file("/proc/stat", CpuTexts.STAT)
                .file("/proc/interrupts", CpuTexts.INTERRUPTS)
                .file("/proc/softirqs", CpuTexts.SOFTIRQS)
                .file("/proc/schedstat", CpuTexts.SCHEDSTAT_V17)
                .file("/sys/devices/system/cpu/present", "0-2\n")
                .file("/sys/devices/system/cpu/isolated", "2\n")
                .file("/sys/devices/system/cpu/cpu0/cpufreq/scaling_cur_freq", "2400000\n")
                .file("/sys/devices/system/cpu/cpu2/cpufreq/scaling_cur_freq", "<unknown>\n");
    }
}
