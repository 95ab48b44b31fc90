package dev.asios.health.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asios.host.kernel.KernelValueParser;
import dev.asios.host.parse.CpuSet;
import dev.asios.host.sysroot.Sysroot;
import dev.asios.host.sysroot.SysrootValues;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The scans on this real host, which they only read: the threads on every CPU and the interrupts,
 * with what a scan costs here (printed, for the report).
 */
@Tag("host")
class RulesHostTest {

    private static final int WARM_UP = 30;
    private static final int SCANS = 50;

    private final Sysroot host = Sysroot.host();
    private final CpuSet online = new SysrootValues(host).parsed("/sys/devices/system/cpu/online", KernelValueParser::parseSysfsCpuList).orElseThrow();

    @Test
    void theTaskScanFindsThisProcessAndTellsPerCpuKernelThreadsApart() {
        TaskScanner scanner = new TaskScanner(host);
        List<TaskOnCpu> tasks = scanner.onCpus(online);
        long self = ProcessHandle.current().pid();
        assertThat(tasks).anySatisfy(task -> assertThat(task.pid()).isEqualTo(self));
        assertThat(tasks).filteredOn(task -> task.comm().startsWith("ksoftirqd/") || task.comm().startsWith("migration/"))
                .isNotEmpty().allSatisfy(task -> assertThat(task.boundKernelThread()).as(task.toString()).isTrue());
        assertThat(tasks).filteredOn(task -> task.pid() == self).allSatisfy(task -> assertThat(task.boundKernelThread()).isFalse());

        measure(scanner, online, "every CPU, every thread a match");
        measure(scanner, CpuSet.of(CpuSet.MAX_CPU - 1), "no CPU with a thread, as an isolated CPU that is quiet");
    }

    private static void measure(TaskScanner scanner, CpuSet cpus, String what) {
        for (int i = 0; i < WARM_UP; i++) {
            scanner.onCpus(cpus);
        }
        long nanos = 0;
        for (int i = 0; i < SCANS; i++) {
            scanner.onCpus(cpus);
            nanos += scanner.lastCost().nanos();
        }
        TaskScanner.ScanCost cost = scanner.lastCost();
        System.out.printf("task scan (%s): %d processes, %d threads, %d skipped, %.2f ms per scan (mean of %d)%n", what, cost.processes(),
                cost.threads(), cost.skipped(), nanos / 1e6 / SCANS, SCANS);
        assertThat(cost.threads()).isGreaterThanOrEqualTo(cost.processes());
    }

    @Test
    void theRuleLeavesOutTheTasksOfRunsAndReportsTheRest() {
        long self = ProcessHandle.current().pid();
        ForeignTaskRule rule = new ForeignTaskRule(new TaskScanner(host), () -> online, () -> Set.of(self), Duration.ofSeconds(5),
                ForeignTaskRule.DEFAULT_HYSTERESIS);
        List<Symptom> symptoms = rule.check(Rounds.empty(1));
        assertThat(symptoms).noneSatisfy(s -> assertThat(s.details()).containsEntry("pid", Long.toString(self)));
        assertThat(symptoms).noneSatisfy(s -> assertThat(s.details().get("comm")).startsWith("ksoftirqd/"));
    }

    @Test
    void theInterruptCheckReadsThisHostsInterrupts() throws Exception {
        IrqOnIsolatedRule rule = new IrqOnIsolatedRule(host, () -> online, Duration.ofMillis(100), IrqOnIsolatedRule.DEFAULT_HYSTERESIS);
        for (int i = 0; i < WARM_UP; i++) {
            rule.check(Rounds.empty(i * 100L));
        }
        long start = System.nanoTime();
        for (int i = 0; i < SCANS; i++) {
            rule.check(Rounds.empty((WARM_UP + i) * 100L));
        }
        System.out.printf("interrupt check: %.2f ms per check (mean of %d)%n", (System.nanoTime() - start) / 1e6 / SCANS, SCANS);
        assertThat(host.diagnostics().warnings()).noneSatisfy(w -> assertThat(w.path()).isEqualTo("/proc/interrupts"));
    }
}
