package dev.asios.host.sys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The monotonic clock and absolute sleeps on the real host (no privilege needed). */
class TimersTest {

    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    @Test
    void theClockIsMonotonicAndTheJvmsOwn() {
        long first = Timers.monotonicNanos();
        long jvm = System.nanoTime();
        long second = Timers.monotonicNanos();
        assertThat(first).isPositive();
        assertThat(second).isGreaterThanOrEqualTo(first);
        // HotSpot's System.nanoTime reads CLOCK_MONOTONIC too on Linux.
        assertThat(Math.abs(jvm - first)).isLessThan(50 * MS);
    }

    @Test
    void anAbsoluteSleepWakesAfterItsDeadlineAndSoon() throws Exception {
        long deadline = Timers.monotonicNanos() + 2 * MS;
        Timers.sleepUntilNanos(deadline);
        long woke = Timers.monotonicNanos();
        assertThat(woke).isGreaterThanOrEqualTo(deadline).isLessThan(deadline + 50 * MS);
    }

    @Test
    void aSleeperReusesItsTimespec() throws Exception {
        Timers.Sleeper sleeper = new Timers.Sleeper();
        long deadline = sleeper.nowNanos();
        for (int i = 0; i < 3; i++) {
            deadline += MS;
            sleeper.sleepUntilNanos(deadline);
            assertThat(sleeper.nowNanos()).isGreaterThanOrEqualTo(deadline);
        }
    }

    @Test
    void aPastDeadlineReturnsAtOnceAndANegativeOneIsRefused() throws Exception {
        long before = Timers.monotonicNanos();
        Timers.sleepUntilNanos(0);
        assertThat(Timers.monotonicNanos() - before).isLessThan(50 * MS);
        assertThatThrownBy(() -> Timers.sleepUntilNanos(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a monotonic deadline is at least 0 ns, not -1");
    }
}
