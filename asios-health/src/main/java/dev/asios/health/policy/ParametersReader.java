package dev.asios.health.policy;

import dev.asios.health.policy.RemediationParameters.HugepagePools;
import dev.asios.health.policy.RemediationParameters.IoSchedulerTrial;
import dev.asios.health.policy.RemediationParameters.None;
import dev.asios.health.policy.RemediationParameters.ProbeBackoff;
import dev.asios.health.policy.RemediationParameters.Restart;
import dev.asios.health.policy.RemediationParameters.Throttle;
import dev.asios.observe.restart.Backoff;
import java.time.Duration;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads the settings of their own that some remediations have ({@link RemediationParameters}),
 * each field checked against its bounds, each left out keeping the value underneath. Stateless.
 */
final class ParametersReader {

    private static final Set<String> BACKOFF_KEYS = Set.of("backoff-initial", "backoff-max", "healthy-after");
    private static final Set<String> RESTART_KEYS = Set.of("max-attempts", "backoff-initial", "backoff-max", "healthy-after");
    private static final Set<String> THROTTLE_KEYS = Set.of("cpu-weight-floor", "cpu-max-percent", "io-weight-floor", "protect");
    private static final Set<String> IO_TRIAL_KEYS = Set.of("min-improvement-percent", "trial-duration");
    private static final Set<String> HUGEPAGE_KEYS = Set.of("headroom-percent", "idle-shrink-delay");

    private static final int MAX_WEIGHT = 10_000;

    private ParametersReader() {
    }

    /** The keys of {@code kind}'s own settings. */
    static Set<String> keys(RemediationKind kind) {
        return switch (kind) {
            case RESTART_CRASHED_RUN -> RESTART_KEYS;
            case BACK_OFF_FAILING_PROBE -> BACKOFF_KEYS;
            case THROTTLE_NOISY_NEIGHBOUR -> THROTTLE_KEYS;
            case ADAPTIVE_IO_SCHEDULER -> IO_TRIAL_KEYS;
            case HUGEPAGE_POOLS -> HUGEPAGE_KEYS;
            case REAPPLY_DRIFT, MOVE_TASK_OFF_ISOLATED_CPU, MOVE_IRQ_OFF_ISOLATED_CPU, MARK_GPU_UNHEALTHY -> Set.of();
        };
    }

    /** {@code kind}'s settings from {@code node}, over {@code base} (null: every field required). */
    static RemediationParameters read(RemediationKind kind, PolicyNode node, RemediationParameters base) {
        return switch (kind) {
            case RESTART_CRASHED_RUN -> {
                Restart restart = (Restart) base;
                yield new Restart(node.integer("max-attempts", 1, 100, from(restart, Restart::maxAttempts)), backoff(node, from(restart, Restart::backoff)));
            }
            case BACK_OFF_FAILING_PROBE -> new ProbeBackoff(backoff(node, from((ProbeBackoff) base, ProbeBackoff::backoff)));
            case THROTTLE_NOISY_NEIGHBOUR -> throttle(node, (Throttle) base);
            case ADAPTIVE_IO_SCHEDULER -> {
                IoSchedulerTrial trial = (IoSchedulerTrial) base;
                yield new IoSchedulerTrial(node.number("min-improvement-percent", 0.1, 100, from(trial, IoSchedulerTrial::minImprovementPercent)),
                        node.duration("trial-duration", Duration.ofSeconds(10), Duration.ofHours(1), from(trial, IoSchedulerTrial::trialDuration)));
            }
            case HUGEPAGE_POOLS -> {
                HugepagePools pools = (HugepagePools) base;
                yield new HugepagePools(node.number("headroom-percent", 0, 100, from(pools, HugepagePools::headroomPercent)),
                        node.duration("idle-shrink-delay", Duration.ofMinutes(1), Duration.ofDays(7), from(pools, HugepagePools::idleShrinkDelay)));
            }
            case REAPPLY_DRIFT, MOVE_TASK_OFF_ISOLATED_CPU, MOVE_IRQ_OFF_ISOLATED_CPU, MARK_GPU_UNHEALTHY -> new None();
        };
    }

    /** The value of {@code base} through {@code getter}, or null when there is no base. */
    static <B, V> V from(B base, Function<B, V> getter) {
        return base == null ? null : getter.apply(base);
    }

    private static Throttle throttle(PolicyNode node, Throttle base) {
        return new Throttle(node.integer("cpu-weight-floor", 1, MAX_WEIGHT, from(base, Throttle::cpuWeightFloor)),
                node.integer("cpu-max-percent", 1, 100_000, from(base, Throttle::cpuMaxPercent)),
                node.integer("io-weight-floor", 1, MAX_WEIGHT, from(base, Throttle::ioWeightFloor)), node.cgroupGlobs("protect", from(base, Throttle::protect)));
    }

    /** Waits that start at backoff-initial and double up to backoff-max, reset after healthy-after. */
    private static Backoff.Settings backoff(PolicyNode node, Backoff.Settings base) {
        Duration first = node.duration("backoff-initial", Duration.ofSeconds(1), Duration.ofHours(1), from(base, Backoff.Settings::first));
        Duration ceiling = node.duration("backoff-max", first, Duration.ofDays(1), from(base, Backoff.Settings::ceiling));
        Duration healthyAfter = node.duration("healthy-after", Duration.ofSeconds(1), Duration.ofDays(7), from(base, Backoff.Settings::healthyAfter));
        return new Backoff.Settings(first, ceiling, healthyAfter);
    }
}
