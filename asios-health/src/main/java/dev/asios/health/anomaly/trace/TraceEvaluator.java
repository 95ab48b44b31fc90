package dev.asios.health.anomaly.trace;

import dev.asios.health.anomaly.Anomaly;
import dev.asios.health.anomaly.AnomalyListener;
import dev.asios.health.anomaly.DetectorSettings;
import dev.asios.health.anomaly.EpisodeSettings;
import dev.asios.health.anomaly.EpisodeTracker;
import dev.asios.health.anomaly.ForestDetector;
import dev.asios.health.anomaly.RoundVerdict;
import dev.asios.health.signal.Observation;
import dev.asios.health.signal.SignalGroup;
import java.util.ArrayList;
import java.util.List;

/**
 * Replays a labelled trace through a fresh {@link ForestDetector} and {@link EpisodeTracker}, as
 * the agent would have run them, and scores the anomalies against the labels
 * ({@link EpisodeScoring}). An anomaly still going on at the end of the trace is closed there.
 *
 * <p>Thread-safe: each evaluation has its own detector.
 *
 * @param detector how to build the detector
 * @param episodes when graded rounds are an anomaly
 * @param graceMs how long after a labelled window an anomaly still counts for it
 */
public record TraceEvaluator(DetectorSettings detector, EpisodeSettings episodes, long graceMs) {

    /** The grace of {@link #defaults()}: one minute, long enough for the forest to see the end of a fault. */
    public static final long DEFAULT_GRACE_MS = 60_000;

    /**
     * Checks the grace.
     *
     * @throws IllegalArgumentException if {@code graceMs} is negative
     */
    public TraceEvaluator {
        if (graceMs < 0) {
            throw new IllegalArgumentException("graceMs must not be negative, given " + graceMs);
        }
    }

    /** The detector's and the episodes' defaults, with a grace of one minute. */
    public static TraceEvaluator defaults() {
        return new TraceEvaluator(DetectorSettings.defaults(), EpisodeSettings.defaults(), DEFAULT_GRACE_MS);
    }

    /** Replays {@code trace} and scores what was found. */
    public EvaluationReport evaluate(LabelledTrace trace) {
        ForestDetector forest = new ForestDetector(SignalGroup.of("trace", "replay", trace.signals()), detector);
        List<Anomaly> found = new ArrayList<>();
        EpisodeTracker tracker = new EpisodeTracker("trace/replay", episodes, new AnomalyListener() {
            @Override
            public void started(Anomaly anomaly) {
            }

            @Override
            public void ended(Anomaly anomaly) {
                found.add(anomaly);
            }
        });
        long scoredFromEpochMs = Long.MAX_VALUE;
        long normalMs = 0;
        long previousEpochMs = 0;
        for (int i = 0; i < trace.size(); i++) {
            Observation observation = trace.observations().get(i);
            RoundVerdict verdict = forest.process(observation);
            tracker.accept(verdict);
            boolean scored = verdict.status() == RoundVerdict.Status.SCORED;
            if (scored && scoredFromEpochMs == Long.MAX_VALUE) {
                scoredFromEpochMs = observation.epochMs();
            } else if (observation.epochMs() > scoredFromEpochMs && trace.label(i).equals(LabelledTrace.NORMAL)) {
                normalMs += observation.epochMs() - previousEpochMs;
            }
            previousEpochMs = observation.epochMs();
        }
        tracker.close();
        return EpisodeScoring.score(trace.windows(), found, graceMs, scoredFromEpochMs, normalMs);
    }
}
