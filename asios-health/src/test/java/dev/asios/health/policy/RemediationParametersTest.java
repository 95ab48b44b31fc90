package dev.asios.health.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asios.health.policy.RemediationParameters.HugepagePools;
import dev.asios.health.policy.RemediationParameters.IoSchedulerTrial;
import dev.asios.health.policy.RemediationParameters.Restart;
import dev.asios.health.policy.RemediationParameters.Throttle;
import dev.asios.observe.restart.Backoff;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RemediationParametersTest {

    @Test
    void aRunIsRestartedUpToItsAttemptsWithTheBackoffOfTheProbes() {
        Restart restart = (Restart) HealPolicy.builtIn().rule(RemediationKind.RESTART_CRASHED_RUN).parameters();
        assertThat(restart.mayRestart(0)).isTrue();
        assertThat(restart.mayRestart(4)).isTrue();
        assertThat(restart.mayRestart(5)).isFalse();
        Backoff backoff = new Backoff(restart.backoff());
        assertThat(backoff.afterRun(Duration.ofSeconds(1))).isEqualTo(Duration.ofSeconds(10));
        assertThat(backoff.afterRun(Duration.ofSeconds(1))).isEqualTo(Duration.ofSeconds(20));
        assertThat(backoff.afterRun(Duration.ofMinutes(10))).as("a healthy run starts over").isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void theCapIsACpuMaxLine() {
        Throttle throttle = new Throttle(10, 250, 10, List.of());
        assertThat(throttle.cpuMaxLine(100_000)).isEqualTo("250000 100000");
        assertThat(new Throttle(10, 1, 10, List.of()).cpuMaxLine(10_000)).as("never below 1 ms").isEqualTo("1000 10000");
    }

    @Test
    void aTrialIsKeptOnlyWhenBetterByTheMargin() {
        IoSchedulerTrial trial = new IoSchedulerTrial(10, Duration.ofMinutes(2));
        assertThat(trial.keepsTrial(100, 90, true)).isTrue();
        assertThat(trial.keepsTrial(100, 91, true)).isFalse();
        assertThat(trial.keepsTrial(100, 110, false)).isTrue();
        assertThat(trial.keepsTrial(100, 109, false)).isFalse();
        assertThat(trial.keepsTrial(0, 1, false)).isFalse();
        assertThat(trial.keepsTrial(100, Double.NaN, true)).isFalse();
    }

    @Test
    void poolsAreSizedToTheNeedPlusTheHeadroom() {
        HugepagePools pools = new HugepagePools(10, Duration.ofMinutes(30));
        assertThat(pools.targetPages(100)).isEqualTo(110);
        assertThat(pools.targetPages(101)).isEqualTo(112);
        assertThat(pools.targetPages(0)).isZero();
        assertThat(pools.targetPages(-5)).isZero();
    }
}
