package dev.asios.health.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asios.health.policy.RateLimiter.Admission;
import dev.asios.health.policy.RateLimiter.Outcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The limiter on a fake clock: every call is given its time. */
class RateLimiterTest {

    private static final long T0 = 1_700_000_000_000L;
    private static final long SECOND = 1_000;
    private static final long MINUTE = 60 * SECOND;

    private final RateLimiter limiter = new RateLimiter();

    static RemediationRule rule(int perSubject, int overall, Duration per, Duration cooldown) {
        return new RemediationRule(RemediationKind.REAPPLY_DRIFT, true, new RateLimit(perSubject, per), new RateLimit(overall, per), cooldown,
                new RemediationParameters.None());
    }

    @Test
    void aSubjectGetsItsLimitPerSlidingWindow() {
        RemediationRule rule = rule(3, 100, Duration.ofMinutes(10), Duration.ZERO);
        assertThat(limiter.admit(rule, "cpu/3", T0).admitted()).isTrue();
        assertThat(limiter.admit(rule, "cpu/3", T0 + MINUTE).admitted()).isTrue();
        assertThat(limiter.admit(rule, "cpu/3", T0 + 2 * MINUTE).admitted()).isTrue();
        assertThat(limiter.admit(rule, "cpu/3", T0 + 3 * MINUTE)).isEqualTo(new Admission(Outcome.SUBJECT_LIMIT, T0 + 10 * MINUTE, false));
        assertThat(limiter.admit(rule, "cpu/4", T0 + 3 * MINUTE).admitted()).as("another subject").isTrue();
        assertThat(limiter.admit(rule, "cpu/3", T0 + 10 * MINUTE - 1).outcome()).isEqualTo(Outcome.SUBJECT_LIMIT);
        assertThat(limiter.admit(rule, "cpu/3", T0 + 10 * MINUTE).admitted()).as("the first action left the window").isTrue();
        assertThat(limiter.admit(rule, "cpu/3", T0 + 10 * MINUTE + 1)).isEqualTo(new Admission(Outcome.SUBJECT_LIMIT, T0 + 11 * MINUTE, false));
    }

    @Test
    void theKindHasALimitOverAllSubjects() {
        RemediationRule rule = rule(5, 2, Duration.ofMinutes(1), Duration.ZERO);
        assertThat(limiter.admit(rule, "irq/1", T0).admitted()).isTrue();
        assertThat(limiter.admit(rule, "irq/2", T0 + SECOND).admitted()).isTrue();
        assertThat(limiter.admit(rule, "irq/3", T0 + 2 * SECOND)).isEqualTo(new Admission(Outcome.OVERALL_LIMIT, T0 + MINUTE, false));
        assertThat(limiter.admit(rule, "irq/3", T0 + MINUTE).admitted()).isTrue();
    }

    @Test
    void aCooldownFollowsEachActionOnASubject() {
        RemediationRule rule = rule(100, 100, Duration.ofMinutes(1), Duration.ofSeconds(30));
        assertThat(limiter.admit(rule, "run/a", T0).admitted()).isTrue();
        assertThat(limiter.admit(rule, "run/a", T0 + 10 * SECOND)).isEqualTo(new Admission(Outcome.COOLDOWN, T0 + 30 * SECOND, false));
        assertThat(limiter.admit(rule, "run/b", T0 + 10 * SECOND).admitted()).isTrue();
        assertThat(limiter.admit(rule, "run/a", T0 + 30 * SECOND).admitted()).isTrue();
    }

    @Test
    void aRefusalCountsNothingAndSaysWhenItRepeats() {
        RemediationRule rule = rule(1, 100, Duration.ofMinutes(1), Duration.ZERO);
        limiter.admit(rule, "cpu/1", T0);
        assertThat(limiter.admit(rule, "cpu/1", T0 + 1).repeated()).isFalse();
        assertThat(limiter.admit(rule, "cpu/1", T0 + 2).repeated()).isTrue();
        assertThat(limiter.admit(rule, "cpu/1", T0 + 3).repeated()).isTrue();
        assertThat(limiter.admit(rule, "cpu/1", T0 + MINUTE).admitted()).as("refusals did not extend the window").isTrue();
        assertThat(limiter.admit(rule, "cpu/1", T0 + MINUTE + 1).repeated()).as("a new window, a new refusal").isFalse();
    }

    @Test
    void aStricterPolicyAppliesToPastActions() {
        RemediationRule loose = rule(5, 100, Duration.ofMinutes(10), Duration.ZERO);
        for (int i = 0; i < 5; i++) {
            assertThat(limiter.admit(loose, "cpu/1", T0 + i * SECOND).admitted()).isTrue();
        }
        RemediationRule strict = rule(2, 100, Duration.ofMinutes(10), Duration.ZERO);
        assertThat(limiter.admit(strict, "cpu/1", T0 + 10 * SECOND)).isEqualTo(new Admission(Outcome.SUBJECT_LIMIT, T0 + 3 * SECOND + 10 * MINUTE, false));
    }

    @Test
    void aClockThatStepsBackOnlyRefusesMore() {
        RemediationRule rule = rule(1, 100, Duration.ofMinutes(1), Duration.ofSeconds(10));
        limiter.admit(rule, "cpu/1", T0);
        assertThat(limiter.admit(rule, "cpu/1", T0 - MINUTE).admitted()).isFalse();
    }

    @Test
    void subjectsThatNoLimitNeedsAreForgotten() {
        RemediationRule rule = rule(1, 10_000, Duration.ofSeconds(1), Duration.ZERO);
        for (int i = 0; i < 3000; i++) {
            limiter.admit(rule, "pid/" + i, T0 + i * 10L);
        }
        assertThat(limiter.subjectsRemembered()).isLessThan(3000);
        limiter.admit(rule, "pid/0", T0 + 30 * MINUTE);
        for (int i = 0; i < 1100; i++) {
            limiter.admit(rule, "late/" + i, T0 + 31 * MINUTE);
        }
        assertThat(limiter.subjectsRemembered()).isLessThanOrEqualTo(2200);
    }

    @Test
    void concurrentCallersNeverShareTheLastAction() throws InterruptedException {
        RemediationRule rule = rule(1_000, 7, Duration.ofMinutes(1), Duration.ZERO);
        AtomicInteger admitted = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            threads.add(Thread.ofPlatform().start(() -> {
                awaitQuietly(start);
                for (int i = 0; i < 500; i++) {
                    if (limiter.admit(rule, "subject/" + thread + "/" + i, T0 + i).admitted()) {
                        admitted.incrementAndGet();
                    }
                }
            }));
        }
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(admitted.get()).isEqualTo(7);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
