package dev.asios.health.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asios.health.policy.HealPolicy;
import dev.asios.health.policy.RemediationKind;
import dev.asios.health.policy.RemediationParameters.Restart;
import dev.asios.host.parse.CpuSet;
import dev.asios.host.sysroot.SysfsTree;
import dev.asios.host.sysroot.Sysroot;
import dev.asios.observe.metric.MetricRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The standard rule set and its settings. */
class KnownCauseRulesTest {

    @TempDir
    Path root;

    private KnownCauseRules.Inputs inputs() {
        new SysfsTree(root).file("/proc/interrupts", "           CPU0\n  1:   5   IO-APIC   1-edge   i8042\n");
        return new KnownCauseRules.Inputs(Sysroot.of(root), new MetricRegistry(), CpuSet::empty, Set::of, List::of, List::of,
                (Restart) HealPolicy.builtIn().rule(RemediationKind.RESTART_CRASHED_RUN).parameters());
    }

    @Test
    void theStandardSetHasEveryRuleOnceAndRunsQuietlyOnAQuietHost() {
        RuleEngine engine = new RuleEngine(KnownCauseRules.standard(KnownCauseSettings.DEFAULTS, inputs()));
        assertThat(engine.rules()).extracting(KnownCauseRule::id).containsExactlyInAnyOrderElementsOf(KnownCauseSettings.RULE_IDS);
        for (long ms = 1_000; ms <= 10_000; ms += 1_000) {
            RuleReport report = engine.evaluate(Rounds.empty(ms));
            assertThat(report.failures()).isEmpty();
            assertThat(report.active()).isEmpty();
        }
    }

    @Test
    void aSettingOutOfBoundsOrAnUnknownRuleIsRefusedWithItsName() {
        KnownCauseSettings d = KnownCauseSettings.DEFAULTS;
        KnownCauseSettings slowScan = new KnownCauseSettings(d.swapInPagesPerSecond(), d.memorySomeRatio(), d.memoryFullRatio(),
                d.memoryCriticalFullRatio(), d.isolatedRunQueueP99Seconds(), Duration.ofHours(2), d.irqCheckInterval(), d.driftCheckInterval(),
                d.cpuThermalCheckInterval(), Map.of());
        assertThatThrownBy(() -> KnownCauseRules.standard(slowScan, inputs())).hasMessage("task scan interval must be within 100 ms .. 1 h, given 7200000 ms");
        assertThatThrownBy(() -> new KnownCauseSettings(d.swapInPagesPerSecond(), d.memorySomeRatio(), d.memoryFullRatio(), d.memoryCriticalFullRatio(),
                d.isolatedRunQueueP99Seconds(), d.taskScanInterval(), d.irqCheckInterval(), d.driftCheckInterval(), d.cpuThermalCheckInterval(),
                Map.of("swap-storm", new Hysteresis(1, 1)))).hasMessageStartingWith("hysteresis for unknown rule 'swap-storm'; the rules are [");
    }

    @Test
    void aRulesHysteresisCanBeSetBySettings() {
        KnownCauseSettings d = KnownCauseSettings.DEFAULTS;
        KnownCauseSettings quick = new KnownCauseSettings(d.swapInPagesPerSecond(), d.memorySomeRatio(), d.memoryFullRatio(), d.memoryCriticalFullRatio(),
                d.isolatedRunQueueP99Seconds(), d.taskScanInterval(), d.irqCheckInterval(), d.driftCheckInterval(), d.cpuThermalCheckInterval(),
                Map.of(SwapInStormRule.ID, new Hysteresis(1, 1)));
        assertThat(KnownCauseRules.standard(quick, inputs())).filteredOn(r -> r.id().equals(SwapInStormRule.ID)).singleElement()
                .extracting(KnownCauseRule::hysteresis).isEqualTo(new Hysteresis(1, 1));
    }
}
