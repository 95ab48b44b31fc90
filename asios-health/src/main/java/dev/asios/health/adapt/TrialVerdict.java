package dev.asios.health.adapt;

import dev.asios.health.policy.RemediationParameters.IoSchedulerTrial;
import java.util.Locale;

/**
 * How a trial ended, judged on its own window against the baseline window.
 *
 * @param outcome keep, revert, or void (revert without judging)
 * @param reason the numbers and the rule that decided, in one sentence
 */
record TrialVerdict(Outcome outcome, String reason) {

    /** A window with fewer active rounds than this share says nothing: the device was mostly idle. */
    static final double MIN_ACTIVE_SHARE = 0.8;

    /** The ways a trial ends. */
    enum Outcome {
        /** Better by the margin: the change stays. */
        KEEP,
        /** Not better by the margin: the original is written back. */
        REVERT,
        /** The load changed or stopped during the trial, so nothing can be said: the original is written back. */
        VOID
    }

    /**
     * Judges {@code trial} against {@code baseline}. Void when the trial window was mostly idle or
     * its load differs ({@link IoShape#sameLoad}); kept when the latency is lower by the margin and
     * the throughput not lower by more than the margin, or the throughput is higher by the margin
     * and the latency not higher by more than the margin; reverted otherwise.
     */
    static TrialVerdict judge(IoPattern baseline, IoPattern trial, Setting setting, IoSchedulerTrial parameters) {
        if (trial.activeShare() < MIN_ACTIVE_SHARE) {
            return new TrialVerdict(Outcome.VOID, String.format(Locale.ROOT, "the device was busy in only %d of %d rounds of the trial", trial.activeRounds(),
                    trial.rounds()));
        }
        if (!IoShape.sameLoad(baseline, trial, setting)) {
            return new TrialVerdict(Outcome.VOID, "the load changed during the trial: " + IoShape.of(baseline).describe() + " (" + baseline.describe()
                    + ") became " + IoShape.of(trial).describe() + " (" + trial.describe() + ")");
        }
        double margin = parameters.minImprovementPercent() / 100;
        boolean sameMeasure = baseline.latencyMeasure().equals(trial.latencyMeasure());
        boolean latencyBetter = sameMeasure && parameters.keepsTrial(baseline.latencySeconds(), trial.latencySeconds(), true);
        boolean latencyNotWorse = !sameMeasure || !(trial.latencySeconds() > baseline.latencySeconds() * (1 + margin));
        boolean throughputBetter = parameters.keepsTrial(baseline.throughputBytesPerSecond(), trial.throughputBytesPerSecond(), false);
        boolean throughputNotWorse = trial.throughputBytesPerSecond() >= baseline.throughputBytesPerSecond() * (1 - margin);
        String numbers = String.format(Locale.ROOT, "%s latency %.3f -> %.3f ms (%+.1f%%), throughput %.2f -> %.2f MB/s (%+.1f%%), margin %.1f%%",
                trial.latencyMeasure(), baseline.latencySeconds() * 1e3, trial.latencySeconds() * 1e3,
                change(baseline.latencySeconds(), trial.latencySeconds()), baseline.throughputBytesPerSecond() / 1e6,
                trial.throughputBytesPerSecond() / 1e6, change(baseline.throughputBytesPerSecond(), trial.throughputBytesPerSecond()),
                parameters.minImprovementPercent());
        if (latencyBetter && throughputNotWorse) {
            return new TrialVerdict(Outcome.KEEP, "latency lower by the margin at a similar load: " + numbers);
        }
        if (throughputBetter && latencyNotWorse) {
            return new TrialVerdict(Outcome.KEEP, "throughput higher by the margin at a similar load: " + numbers);
        }
        return new TrialVerdict(Outcome.REVERT, "not better by the margin: " + numbers);
    }

    private static double change(double before, double after) {
        return before > 0 ? (after - before) / before * 100 : Double.NaN;
    }
}
