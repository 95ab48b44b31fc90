package dev.asios.health.anomaly.trace;

import dev.asios.health.anomaly.Anomaly;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Scores anomalies against labelled windows, episode by episode. An anomaly is a true positive
 * when it overlaps a window stretched by a grace after its end (a detector may see the end of a
 * fault, or see it a little late); otherwise it is a false alarm. A window that no anomaly
 * overlaps is a miss. Windows that start before the detector was warmed up are not scored.
 *
 * <p>Pure and thread-safe.
 */
public final class EpisodeScoring {

    private EpisodeScoring() {
    }

    /**
     * Scores {@code anomalies} against {@code windows}.
     *
     * @param windows the labelled windows, in time order
     * @param anomalies the anomalies found, ongoing ones included
     * @param graceMs how long after a window's end an anomaly still counts for it, at least 0
     * @param scoredFromEpochMs the first round the detector graded; earlier windows are not scored
     * @param normalMs how long the trace was normal while scored, for the false alarm rate
     * @throws IllegalArgumentException if {@code graceMs} or {@code normalMs} is negative
     */
    public static EvaluationReport score(List<LabelledWindow> windows, List<Anomaly> anomalies, long graceMs,
            long scoredFromEpochMs, long normalMs) {
        if (graceMs < 0 || normalMs < 0) {
            throw new IllegalArgumentException("graceMs " + graceMs + " and normalMs " + normalMs + " must not be negative");
        }
        List<LabelledWindow> scored = windows.stream().filter(w -> w.startEpochMs() >= scoredFromEpochMs).toList();
        List<WindowOutcome> outcomes = new ArrayList<>(scored.size());
        for (LabelledWindow window : scored) {
            outcomes.add(new WindowOutcome(window, timeToDetect(window, anomalies, graceMs)));
        }
        int truePositives = 0;
        for (Anomaly anomaly : anomalies) {
            if (windows.stream().anyMatch(w -> overlaps(anomaly, w, graceMs))) {
                truePositives++;
            }
        }
        return new EvaluationReport(outcomes, windows.size() - scored.size(), anomalies, truePositives, normalMs);
    }

    private static OptionalLong timeToDetect(LabelledWindow window, List<Anomaly> anomalies, long graceMs) {
        long fastestMs = Long.MAX_VALUE;
        for (Anomaly anomaly : anomalies) {
            if (overlaps(anomaly, window, graceMs)) {
                fastestMs = Math.min(fastestMs, Math.max(0, anomaly.startEpochMs() - window.startEpochMs()));
            }
        }
        return fastestMs == Long.MAX_VALUE ? OptionalLong.empty() : OptionalLong.of(fastestMs);
    }

    static boolean overlaps(Anomaly anomaly, LabelledWindow window, long graceMs) {
        return anomaly.startEpochMs() <= window.endEpochMs() + graceMs && anomaly.lastEpochMs() >= window.startEpochMs();
    }
}
