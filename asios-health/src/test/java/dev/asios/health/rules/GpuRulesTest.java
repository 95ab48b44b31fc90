package dev.asios.health.rules;

import dev.asios.health.policy.RemediationKind;
import static org.assertj.core.api.Assertions.assertThat;

import dev.asios.health.signal.SignalNames.Gpu;
import dev.asios.host.findings.Severity;
import dev.asios.observe.metric.MetricFamily;
import dev.asios.observe.metric.MetricRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The GPU rules on the GPU collector's families, set by hand. */
class GpuRulesTest {

    private static final String UUID = "GPU-6d0f5b46-1f8a-4c0e-9a34-7ea2f1c0aa01";

    private final MetricRegistry registry = new MetricRegistry();

    @Test
    void thermalAndHardwareSlowdownsAreWarningsAndThePowerCapAloneIsInformation() {
        GpuThrottleRule rule = new GpuThrottleRule(registry, GpuThrottleRule.DEFAULT_HYSTERESIS);
        assertThat(rule.check(Rounds.empty(1))).as("no GPU collector").isEmpty();

        MetricFamily throttle = registry.gauge(GpuThrottleRule.FAMILY, "Throttle reasons.", null, "gpu", "uuid", "reason");
        for (String reason : List.of("gpu_idle", "sw_power_cap", "sw_thermal_slowdown", "hw_slowdown")) {
            throttle.series("0", UUID, reason).set(0);
        }
        throttle.series("0", UUID, "gpu_idle").set(1);
        assertThat(rule.check(Rounds.empty(1))).isEmpty();

        throttle.series("0", UUID, "sw_power_cap").set(1);
        assertThat(rule.check(Rounds.empty(1))).singleElement().extracting(Symptom::severity).isEqualTo(Severity.INFO);

        throttle.series("0", UUID, "sw_thermal_slowdown").set(1);
        assertThat(rule.check(Rounds.at(1).with("gpu/0", Gpu.TEMPERATURE_CELSIUS, 87).with("gpu/0", Gpu.POWER_WATTS, 349.94)
                .with("gpu/0", Gpu.SM_CLOCK_HERTZ, 1410e6).round())).singleElement().satisfies(s -> {
                    assertThat(s.subject()).isEqualTo("gpu/0");
                    assertThat(s.severity()).isEqualTo(Severity.WARNING);
                    assertThat(s.evidence()).isEqualTo("GPU 0 (" + UUID + ") clocks held down by sw_power_cap, sw_thermal_slowdown; 87 °C; 349.9 W; SM clock 1410 MHz");
                    assertThat(s.remediation()).isEmpty();
                });
    }

    @Test
    void uncorrectableEccErrorsMarkTheGpuUnhealthyUntilTheCountIsBackToZero() {
        GpuEccRule rule = new GpuEccRule(registry, GpuEccRule.DEFAULT_HYSTERESIS);
        MetricFamily ecc = registry.counter(GpuEccRule.FAMILY, "ECC errors.", null, "gpu", "uuid", "type");
        ecc.series("0", UUID, "corrected").set(12);
        ecc.series("0", UUID, "uncorrected").set(0);
        assertThat(rule.check(Rounds.empty(1))).isEmpty();
        ecc.series("0", UUID, "uncorrected").set(2);
        assertThat(rule.check(Rounds.empty(1))).singleElement().satisfies(s -> {
            assertThat(s.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(s.remediation()).contains(RemediationKind.MARK_GPU_UNHEALTHY);
            assertThat(s.evidence()).isEqualTo("GPU 0 (" + UUID + ") has 2 uncorrectable ECC error(s) since its driver loaded");
            assertThat(s.details()).containsEntry("uuid", UUID);
        });
    }

    @Test
    void newXidEventsAreCriticalWhenTheGpuFailedAndWarningsWhenTheProgramDid() {
        GpuXidRule rule = new GpuXidRule(registry, GpuXidRule.DEFAULT_HYSTERESIS);
        MetricFamily xids = registry.counter(GpuXidRule.FAMILY, "XID events.", null, "gpu", "uuid", "xid");
        xids.series("1", UUID, "13").set(1);
        assertThat(rule.check(Rounds.empty(1))).as("a new series: all its events are new").singleElement().satisfies(s -> {
            assertThat(s.subject()).isEqualTo("gpu/1");
            assertThat(s.severity()).isEqualTo(Severity.WARNING);
            assertThat(s.remediation()).isEmpty();
            assertThat(s.evidence()).isEqualTo("GPU 1 reported XID 13 (graphics engine exception) x1; usually the program's fault");
        });
        assertThat(rule.check(Rounds.empty(2))).as("no new event").isEmpty();

        xids.series("1", UUID, "13").set(2);
        xids.series("1", UUID, "79").set(1);
        assertThat(rule.check(Rounds.empty(3))).singleElement().satisfies(s -> {
            assertThat(s.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(s.remediation()).contains(RemediationKind.MARK_GPU_UNHEALTHY);
            assertThat(s.evidence()).contains("XID 13 (graphics engine exception) x1", "XID 79 (GPU has fallen off the bus) x1", "the GPU itself failed");
        });
    }
}
