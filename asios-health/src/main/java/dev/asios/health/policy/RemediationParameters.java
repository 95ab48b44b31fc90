package dev.asios.health.policy;

import dev.asios.observe.restart.Backoff;
import java.time.Duration;
import java.util.List;

/**
 * The settings of a remediation that only it has, next to the rate limits every remediation has.
 * Which kind has which is fixed: {@link Restart} for {@link RemediationKind#RESTART_CRASHED_RUN},
 * {@link ProbeBackoff} for {@link RemediationKind#BACK_OFF_FAILING_PROBE}, {@link Throttle} for
 * {@link RemediationKind#THROTTLE_NOISY_NEIGHBOUR}, {@link IoSchedulerTrial} for
 * {@link RemediationKind#ADAPTIVE_IO_SCHEDULER}, {@link HugepagePools} for
 * {@link RemediationKind#HUGEPAGE_POOLS}, {@link None} for the others. Immutable values, checked by
 * the policy parser (a file's bad value is refused there with its line).
 */
public sealed interface RemediationParameters {

    /** A remediation with no settings of its own. */
    record None() implements RemediationParameters {
    }

    /**
     * How a crashed run is restarted: after a wait that starts at {@code backoff.first()} and
     * doubles up to {@code backoff.ceiling()}, back to the first once a run lasted
     * {@code backoff.healthyAfter()}; at most {@code maxAttempts} restarts in a row.
     *
     * @param maxAttempts restarts in a row before the run is left stopped, 1..100
     * @param backoff the waits before each restart
     */
    record Restart(int maxAttempts, Backoff.Settings backoff) implements RemediationParameters {

        /** Whether a run that was restarted {@code restartsInARow} times in a row may be restarted again. */
        public boolean mayRestart(int restartsInARow) {
            return restartsInARow < maxAttempts;
        }

        /**
         * The restarts in a row behind a run that crashed after running {@code ranFor}, as restart
         * {@code attempt} of its line (0 for a run an operator launched): 0 when it ran
         * {@code backoff.healthyAfter()} or longer, else {@code attempt}.
         */
        public int restartsInARow(int attempt, Duration ranFor) {
            return ranFor.compareTo(backoff.healthyAfter()) >= 0 ? 0 : attempt;
        }

        /**
         * The wait between a crash and the next restart, after {@code restartsInARow} restarts in a
         * row: {@code backoff.first()} doubled that many times, at most {@code backoff.ceiling()}.
         */
        public Duration waitBefore(int restartsInARow) {
            Duration wait = backoff.first();
            for (int i = 0; i < restartsInARow && wait.compareTo(backoff.ceiling()) < 0; i++) {
                wait = wait.multipliedBy(2);
            }
            return wait.compareTo(backoff.ceiling()) > 0 ? backoff.ceiling() : wait;
        }
    }

    /**
     * How a probe or collector that keeps dying is restarted: waits that start at
     * {@code backoff.first()} and double up to {@code backoff.ceiling()}, back to the first after a
     * healthy {@code backoff.healthyAfter()}.
     *
     * @param backoff the waits
     */
    record ProbeBackoff(Backoff.Settings backoff) implements RemediationParameters {
    }

    /**
     * How far a noisy neighbour is held back: its {@code cpu.weight} and {@code io.weight} are
     * lowered, never below the floors, and if that is not enough its {@code cpu.max} is capped.
     * The cgroups that match a {@code protect} glob are never chosen as the neighbour.
     *
     * @param cpuWeightFloor the lowest {@code cpu.weight} set, 1..10000 (the kernel's default is 100)
     * @param cpuMaxPercent the cap, in percent of one CPU's time (100 = one CPU, 250 = two and a half), 1..100000
     * @param ioWeightFloor the lowest {@code io.weight} set, 1..10000 (the kernel's default is 100)
     * @param protect globs of cgroup paths, relative to the hierarchy's mount point and starting with
     *     {@code /} ({@code /system.slice/*.service}, {@code /batch/**}), as
     *     {@link java.nio.file.FileSystem#getPathMatcher} reads them after {@code glob:}
     */
    record Throttle(int cpuWeightFloor, int cpuMaxPercent, int ioWeightFloor, List<String> protect) implements RemediationParameters {

        /** Copies the globs. */
        public Throttle {
            protect = List.copyOf(protect);
        }

        /**
         * The {@code cpu.max} line for the cap with a period of {@code periodUs} microseconds:
         * {@code "quota period"}, the quota never below the kernel's 1000 µs.
         */
        public String cpuMaxLine(long periodUs) {
            long quotaUs = Math.max(1_000, Math.multiplyExact(periodUs, cpuMaxPercent) / 100);
            return quotaUs + " " + periodUs;
        }
    }

    /**
     * How a trial of another I/O scheduler or read-ahead is judged: measured for
     * {@code trialDuration}, kept only if better than before by {@code minImprovementPercent}.
     *
     * @param minImprovementPercent the margin, 0.1..100 percent
     * @param trialDuration how long the trial is measured, 10 s to 1 h
     */
    record IoSchedulerTrial(double minImprovementPercent, Duration trialDuration) implements RemediationParameters {

        /**
         * Whether the trial's measurement beats the baseline by the margin; for a latency
         * ({@code lowerIsBetter}) the trial must be at most {@code baseline * (1 - margin)}, for a
         * throughput at least {@code baseline * (1 + margin)}. False when either is not a finite
         * positive number.
         */
        public boolean keepsTrial(double baseline, double trial, boolean lowerIsBetter) {
            if (!(baseline > 0 && trial > 0 && Double.isFinite(baseline) && Double.isFinite(trial))) {
                return false;
            }
            return lowerIsBetter ? trial * 100 <= baseline * (100 - minImprovementPercent) : trial * 100 >= baseline * (100 + minImprovementPercent);
        }
    }

    /**
     * How hugepage pools are sized: to what runs need plus {@code headroomPercent}, shrunk only
     * after the pool was idle for {@code idleShrinkDelay}, and never below what runs hold.
     *
     * @param headroomPercent spare pages above the need, 0..100 percent
     * @param idleShrinkDelay how long a pool must have spare pages before it shrinks, 1 min to 7 days
     */
    record HugepagePools(double headroomPercent, Duration idleShrinkDelay) implements RemediationParameters {

        /** The pool size for a need of {@code neededPages}: the need plus the headroom, rounded up. */
        public long targetPages(long neededPages) {
            return (long) Math.ceil(Math.max(0, neededPages) * (100 + headroomPercent) / 100);
        }
    }
}
