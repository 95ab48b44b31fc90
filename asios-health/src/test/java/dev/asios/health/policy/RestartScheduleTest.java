package dev.asios.health.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asios.health.policy.RemediationParameters.Restart;
import dev.asios.observe.restart.Backoff;
import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The waits and the count of restarts in a row of restart-crashed-run. */
class RestartScheduleTest {

    private static final Restart RESTART = new Restart(5, new Backoff.Settings(Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofMinutes(10)));

    @Test
    void theWaitStartsAtTheInitialBackoffAndDoublesUpToTheMaximum() {
        assertThat(IntStream.range(0, 7).mapToObj(RESTART::waitBefore).map(Duration::toSeconds))
                .containsExactly(10L, 20L, 40L, 60L, 60L, 60L, 60L);
        assertThat(RESTART.waitBefore(1_000_000)).as("no overflow after many restarts").isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void theBuiltInPolicyWaitsTenSecondsDoublingToFiveMinutes() {
        Restart builtIn = (Restart) HealPolicy.builtIn().rule(RemediationKind.RESTART_CRASHED_RUN).parameters();
        assertThat(IntStream.range(0, 6).mapToObj(builtIn::waitBefore).map(Duration::toSeconds)).containsExactly(10L, 20L, 40L, 80L, 160L, 300L);
        assertThat(builtIn.maxAttempts()).isEqualTo(5);
    }

    @Test
    void aRunThatLastedHealthyAfterStartsTheCountAgain() {
        assertThat(RESTART.restartsInARow(3, Duration.ofMinutes(9))).isEqualTo(3);
        assertThat(RESTART.restartsInARow(3, Duration.ofMinutes(10))).isZero();
        assertThat(RESTART.mayRestart(4)).isTrue();
        assertThat(RESTART.mayRestart(5)).as("after max-attempts restarts in a row").isFalse();
    }
}
