package dev.asios.health.rules;

import dev.asios.health.policy.RemediationKind;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asios.health.signal.SignalNames.Cpu;
import dev.asios.health.signal.SignalNames.Host;
import dev.asios.host.findings.Severity;
import dev.asios.host.parse.CpuSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The rules that read only the signal round: swap-in storms, memory pressure, run-queue latency on isolated CPUs. */
class SignalRulesTest {

    @Test
    void aSwapInStormIsARateAtOrAboveTheThreshold() {
        SwapInStormRule rule = new SwapInStormRule(1000, SwapInStormRule.DEFAULT_HYSTERESIS);
        assertThat(rule.check(Rounds.at(1).with(Host.ID, Host.SWAP_IN_PAGES_PER_SECOND, 999).round())).isEmpty();
        assertThat(rule.check(Rounds.at(1).with(Host.ID, Host.SWAP_IN_PAGES_PER_SECOND, Double.NaN).round())).isEmpty();
        assertThat(rule.check(Rounds.empty(1))).isEmpty();
        assertThat(rule.check(Rounds.at(1).with(Host.ID, Host.SWAP_IN_PAGES_PER_SECOND, 2400).with(Host.ID, Host.MEMORY_AVAILABLE_RATIO, 0.032)
                .with(Host.ID, Host.MAJOR_PAGE_FAULTS_PER_SECOND, 812).round())).singleElement().satisfies(s -> {
                    assertThat(s.subject()).isEqualTo("host");
                    assertThat(s.evidence()).isEqualTo("swap-in at 2400 pages/s (threshold 1000); memory available 3.2%; 812 major faults/s");
                    assertThat(s.remediation()).contains(RemediationKind.THROTTLE_NOISY_NEIGHBOUR);
                });
        assertThatThrownBy(() -> new SwapInStormRule(-1, SwapInStormRule.DEFAULT_HYSTERESIS))
                .hasMessage("swap-in storm threshold (pages per second) must be a positive number, given -1.0");
    }

    @Test
    void memoryPressureIsSomeOrFullAboveTheirThresholdsAndCriticalWhenFullIsHigh() {
        MemoryPressureRule rule = new MemoryPressureRule(0.10, 0.05, 0.20, MemoryPressureRule.DEFAULT_HYSTERESIS);
        assertThat(rule.check(Rounds.at(1).with(Host.ID, Host.MEMORY_PRESSURE_SOME_RATIO, 0.09).with(Host.ID, Host.MEMORY_PRESSURE_FULL_RATIO, 0.04)
                .round())).isEmpty();
        assertThat(rule.check(Rounds.at(1).with(Host.ID, Host.MEMORY_PRESSURE_SOME_RATIO, 0.12).with(Host.ID, Host.MEMORY_PRESSURE_FULL_RATIO, 0.01)
                .round())).singleElement().satisfies(s -> {
                    assertThat(s.severity()).isEqualTo(Severity.WARNING);
                    assertThat(s.evidence()).isEqualTo("tasks stalled on memory 12.0% of the time (some; threshold 10.0%), all tasks at once 1.0% (full; threshold 5.0%)");
                });
        assertThat(rule.check(Rounds.at(1).with(Host.ID, Host.MEMORY_PRESSURE_SOME_RATIO, 0.5).with(Host.ID, Host.MEMORY_PRESSURE_FULL_RATIO, 0.3)
                .round())).singleElement().extracting(Symptom::severity).isEqualTo(Severity.CRITICAL);
        assertThatThrownBy(() -> new MemoryPressureRule(1.5, 0.05, 0.2, MemoryPressureRule.DEFAULT_HYSTERESIS))
                .hasMessage("memory pressure some threshold must be a share of time within (0, 1], given 1.5");
        assertThatThrownBy(() -> new MemoryPressureRule(0.1, 0.3, 0.2, MemoryPressureRule.DEFAULT_HYSTERESIS)).hasMessageContaining("below the full threshold");
    }

    @Test
    void runQueueLatencyCountsOnlyOnIsolatedCpusWhichAreAskedForOnlyWhenACpuIsOverTheThreshold() {
        AtomicInteger asked = new AtomicInteger();
        IsolatedRunQueueRule rule = new IsolatedRunQueueRule(() -> {
            asked.incrementAndGet();
            return CpuSet.of(3);
        }, 25e-6, IsolatedRunQueueRule.DEFAULT_HYSTERESIS);

        assertThat(rule.check(Rounds.at(1).with("cpu/3", Cpu.RUNQUEUE_P99_SECONDS, 20e-6).with("cpu/2", Cpu.RUNQUEUE_P99_SECONDS, Double.NaN).round())).isEmpty();
        assertThat(asked).hasValue(0);
        assertThat(rule.check(Rounds.at(1).with("cpu/2", Cpu.RUNQUEUE_P99_SECONDS, 90e-6)
                .with("cpu/3", Cpu.RUNQUEUE_P50_SECONDS, 3.1e-6).with("cpu/3", Cpu.RUNQUEUE_P99_SECONDS, 83.2e-6).round()))
                .singleElement().satisfies(s -> {
                    assertThat(s.subject()).isEqualTo("cpu/3");
                    assertThat(s.evidence()).isEqualTo("run-queue latency p99 83.2 µs (p50 3.1 µs) on isolated CPU 3, above 25.0 µs");
                    assertThat(s.remediation()).contains(RemediationKind.MOVE_TASK_OFF_ISOLATED_CPU);
                });
        assertThat(asked).hasValue(1);
    }
}
