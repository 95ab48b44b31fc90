package dev.asios.health.rules;

import dev.asios.health.policy.RemediationKind;
import static dev.asios.health.rules.TaskTrees.PER_CPU_KTHREAD_FLAGS;
import static dev.asios.health.rules.TaskTrees.UNBOUND_KTHREAD_FLAGS;
import static dev.asios.health.rules.TaskTrees.USER_FLAGS;
import static dev.asios.health.rules.TaskTrees.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asios.host.parse.CpuSet;
import dev.asios.host.sysroot.SysfsTree;
import dev.asios.host.sysroot.Sysroot;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scan for threads on isolated CPUs, on a {@code /proc} tree made here. */
class ForeignTaskRuleTest {

    @TempDir
    Path root;

    private TaskScanner scanner;

    @BeforeEach
    void tasks() {
        SysfsTree tree = new SysfsTree(root);
        task(tree, 1, 1, "init", USER_FLAGS, 0, "0-1");
        task(tree, 22, 22, "ksoftirqd/1", PER_CPU_KTHREAD_FLAGS, 1, "1");
        task(tree, 30, 30, "kworker/1:2", UNBOUND_KTHREAD_FLAGS, 1, "1");
        task(tree, 40, 40, "kworker/u4:0", UNBOUND_KTHREAD_FLAGS, 1, "0-1");
        task(tree, 500, 500, "stress-ng", USER_FLAGS, 0, "0-1");
        task(tree, 500, 501, "stress-ng (hog)", USER_FLAGS, 1, "0-1");
        task(tree, 600, 600, "train", USER_FLAGS, 1, "1");
        tree.folder("/proc/800").file("/proc/900/task/900/stat", "garbled\n").file("/proc/900/task/900/status", "Cpus_allowed_list:\t0\n")
                .file("/proc/self/task/1/stat", "not a pid folder\n");
        scanner = new TaskScanner(Sysroot.of(root));
    }

    @Test
    void theScanFindsTheThreadsOnTheCpusWithTheirNamesAndAllowedCpus() {
        List<TaskOnCpu> onCpu1 = scanner.onCpus(CpuSet.of(1));
        assertThat(onCpu1).extracting(TaskOnCpu::tid).containsExactly(22L, 30L, 40L, 501L, 600L);
        assertThat(onCpu1).filteredOn(TaskOnCpu::boundKernelThread).extracting(TaskOnCpu::comm).containsExactly("ksoftirqd/1", "kworker/1:2");
        TaskOnCpu hog = onCpu1.get(3);
        assertThat(hog).isEqualTo(new TaskOnCpu(500, 501, "stress-ng (hog)", 1, CpuSet.of(0, 1), USER_FLAGS));
        assertThat(scanner.lastCost()).satisfies(cost -> {
            assertThat(cost.processes()).isEqualTo(8);
            assertThat(cost.threads()).isEqualTo(8);
            assertThat(cost.skipped()).as("the garbled stat").isEqualTo(1);
        });
        assertThat(scanner.onCpus(CpuSet.empty())).isEmpty();
    }

    @Test
    void aThreadThatMayNoLongerRunOnTheCpuItLastRanOnIsNotReported() {
        task(new SysfsTree(root), 700, 700, "moved-away", USER_FLAGS, 1, "0");
        ForeignTaskRule rule = new ForeignTaskRule(scanner, () -> CpuSet.of(1), Set::of, Duration.ofSeconds(5), ForeignTaskRule.DEFAULT_HYSTERESIS);
        assertThat(rule.check(Rounds.empty(10_000))).extracting(Symptom::key).containsExactly("cpu/1 task/40", "cpu/1 task/501", "cpu/1 task/600");
    }

    @Test
    void theRuleReportsForeignThreadsButNotBoundKernelThreadsNorTheRunsTasks() {
        AtomicInteger asked = new AtomicInteger();
        ForeignTaskRule rule = new ForeignTaskRule(scanner, () -> CpuSet.of(1), () -> {
            asked.incrementAndGet();
            return Set.of(600L);
        }, Duration.ofSeconds(5), ForeignTaskRule.DEFAULT_HYSTERESIS);

        assertThat(rule.due(10_000)).isTrue();
        assertThat(rule.due(12_000)).isFalse();
        assertThat(rule.due(14_600)).as("90% of the interval passed").isTrue();

        List<Symptom> symptoms = rule.check(Rounds.empty(10_000));
        assertThat(symptoms).extracting(Symptom::key).containsExactly("cpu/1 task/40", "cpu/1 task/501");
        assertThat(symptoms.get(1).evidence()).isEqualTo("thread 501 of process 500 (stress-ng (hog)) last ran on isolated CPU 1; it may run on CPUs 0-1");
        assertThat(symptoms.get(0).evidence()).contains("a kernel thread");
        assertThat(symptoms.get(1).details()).containsEntry("pid", "500").containsEntry("tid", "501").containsEntry("allowed_cpus", "0-1");
        assertThat(symptoms.get(1).remediation()).contains(RemediationKind.MOVE_TASK_OFF_ISOLATED_CPU);
        assertThat(asked).hasValue(1);

        assertThat(new ForeignTaskRule(scanner, () -> CpuSet.of(0), Set::of, Duration.ofSeconds(5), ForeignTaskRule.DEFAULT_HYSTERESIS)
                .check(Rounds.empty(1))).extracting(Symptom::key).containsExactly("cpu/0 task/1", "cpu/0 task/500");
        assertThatThrownBy(() -> new ForeignTaskRule(scanner, CpuSet::empty, Set::of, Duration.ofMillis(10), ForeignTaskRule.DEFAULT_HYSTERESIS))
                .hasMessage("task scan interval must be within 100 ms .. 1 h, given 10 ms");
    }
}
