package dev.asios.health.anomaly;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One anomaly of one group: a run of anomalous rounds, from the first until quiet rounds ended
 * it. An immutable snapshot; {@link EpisodeTracker} makes a new one as the episode goes on.
 *
 * @param groupId the group's id ({@code kind/entity})
 * @param startEpochMs the first anomalous round
 * @param lastEpochMs the latest anomalous round so far (the end, once ended)
 * @param lifecycle whether it goes on or how it ended
 * @param anomalousRounds how many rounds were anomalous
 * @param peakGrade the highest grade, 0..1
 * @param peakScore the forest's score at the peak round
 * @param peakEpochMs the round of the peak
 * @param contributors the signals' attribution summed over the anomalous rounds, largest share
 *     first (every signal of the group, so shares add up to 1)
 * @param expectationAtPeak expected against observed values at the peak, when the forest gave
 *     them
 */
public record Anomaly(String groupId, long startEpochMs, long lastEpochMs, Lifecycle lifecycle, int anomalousRounds,
        double peakGrade, double peakScore, long peakEpochMs, List<SignalAttribution> contributors,
        Optional<Expectation> expectationAtPeak) {

    /** Copies the list. */
    public Anomaly {
        contributors = List.copyOf(contributors);
    }

    /** Whether the anomaly still goes on. */
    public boolean ongoing() {
        return lifecycle == Lifecycle.ONGOING;
    }

    /** When it ended (its last anomalous round), once it has. */
    public OptionalLong endEpochMs() {
        return ongoing() ? OptionalLong.empty() : OptionalLong.of(lastEpochMs);
    }

    /** The {@code count} signals that contributed most, largest first. */
    public List<SignalAttribution> topContributors(int count) {
        return contributors.subList(0, Math.min(count, contributors.size()));
    }

    /** Where an anomaly is in its life. */
    public enum Lifecycle {
        /** Started and not yet over. */
        ONGOING,
        /** Over: the configured number of quiet rounds followed the last anomalous one. */
        ENDED,
        /**
         * Cut short because its detector went away (the group was dropped or changed its signals,
         * the watch closed, the trace ended); it may not have been over.
         */
        CLOSED
    }
}
