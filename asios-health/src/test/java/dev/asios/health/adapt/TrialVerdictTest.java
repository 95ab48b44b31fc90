package dev.asios.health.adapt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asios.health.adapt.DiskRounds.Load;
import dev.asios.health.adapt.TrialVerdict.Outcome;
import dev.asios.health.policy.RemediationParameters.IoSchedulerTrial;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Keep, revert and void, on windows of steady loads. */
class TrialVerdictTest {

    private static final IoSchedulerTrial TEN_PERCENT = new IoSchedulerTrial(10, Duration.ofSeconds(10));
    private static final IoPattern BASELINE = DiskRounds.pattern(DiskRounds.RANDOM_DEEP_READS);

    private static TrialVerdict judge(Load trial) {
        return TrialVerdict.judge(BASELINE, DiskRounds.pattern(trial), Setting.SCHEDULER, TEN_PERCENT);
    }

    @Test
    void aLowerP99ByTheMarginAtTheSameLoadIsKept() {
        TrialVerdict verdict = judge(DiskRounds.RANDOM_DEEP_READS.withP99(0.015));
        assertThat(verdict.outcome()).isEqualTo(Outcome.KEEP);
        assertThat(verdict.reason()).contains("p99 latency 20.000 -> 15.000 ms (-25.0%)");
    }

    @Test
    void aHigherThroughputByTheMarginIsKept() {
        assertThat(judge(DiskRounds.RANDOM_DEEP_READS.withIops(2300)).outcome()).isEqualTo(Outcome.KEEP);
    }

    @Test
    void lessThanTheMarginOrWorseIsReverted() {
        assertThat(judge(DiskRounds.RANDOM_DEEP_READS.withP99(0.019)).outcome()).isEqualTo(Outcome.REVERT);
        assertThat(judge(DiskRounds.RANDOM_DEEP_READS.withP99(0.03)).outcome()).isEqualTo(Outcome.REVERT);
        assertThat(judge(DiskRounds.RANDOM_DEEP_READS.withP99(0.015).withIops(1500)).outcome()).as("lower latency but far less throughput")
                .isEqualTo(Outcome.REVERT);
    }

    @Test
    void anotherLoadOrAnIdleDeviceMakesTheTrialVoid() {
        TrialVerdict changed = judge(DiskRounds.SEQUENTIAL_READS);
        assertThat(changed.outcome()).isEqualTo(Outcome.VOID);
        assertThat(changed.reason()).contains("the load changed", "random reads", "sequential reads");
        List<DiskSample> mostlyIdle = new ArrayList<>(DiskRounds.samples(DiskRounds.RANDOM_DEEP_READS.withP99(0.01), 0, 5));
        mostlyIdle.addAll(DiskRounds.samples(DiskRounds.RANDOM_DEEP_READS.withIops(0), 5000, 5));
        assertThat(TrialVerdict.judge(BASELINE, IoPattern.of(mostlyIdle), Setting.SCHEDULER, TEN_PERCENT).outcome()).isEqualTo(Outcome.VOID);
    }

    @Test
    void aReadAheadTrialMayChangeTheRequestSize() {
        IoPattern before = DiskRounds.pattern(new Load(400, 131072, 1.0, 2, 0.005, 0.02));
        IoPattern after = DiskRounds.pattern(new Load(150, 1 << 20, 1.0, 2, 0.01, 0.02));
        assertThat(TrialVerdict.judge(before, after, Setting.READ_AHEAD, TEN_PERCENT).outcome()).isEqualTo(Outcome.KEEP);
        assertThat(TrialVerdict.judge(before, after, Setting.SCHEDULER, TEN_PERCENT).outcome()).isEqualTo(Outcome.VOID);
    }

    @Test
    void withoutTheEbpfP99TheMeanLatencyIsCompared() {
        List<DiskSample> withoutP99 = DiskRounds.samples(new Load(2000, 4096, 1.0, 16, 0.008, Double.NaN), 0, 10);
        IoPattern pattern = IoPattern.of(withoutP99);
        assertThat(pattern.latencyMeasure()).isEqualTo(IoPattern.MEAN);
        assertThat(pattern.latencySeconds()).isEqualTo(0.008);
        IoPattern faster = IoPattern.of(DiskRounds.samples(new Load(2000, 4096, 1.0, 16, 0.006, Double.NaN), 0, 10));
        assertThat(TrialVerdict.judge(pattern, faster, Setting.SCHEDULER, TEN_PERCENT).outcome()).isEqualTo(Outcome.KEEP);
        assertThat(TrialVerdict.judge(BASELINE, faster, Setting.SCHEDULER, TEN_PERCENT).outcome()).as("p99 against mean: only throughput counts")
                .isEqualTo(Outcome.REVERT);
    }
}
