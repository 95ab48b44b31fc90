package dev.asios.health.anomaly;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns one group's per-round verdicts into anomalies with a life: started at the first round
 * graded at least {@link EpisodeSettings#minimumGrade()}, ongoing while anomalous rounds keep
 * coming, ended after {@link EpisodeSettings#quietRoundsToEnd()} quiet scored rounds in a row.
 * Tells its listener when an anomaly starts and ends; an exception of the listener escapes to the
 * caller after the tracker's own state is updated.
 *
 * <p>Not thread-safe: one thread at a time.
 */
public final class EpisodeTracker {

    private final String groupId;
    private final EpisodeSettings settings;
    private final AnomalyListener listener;
    private Episode episode;

    /** A tracker of {@code groupId}'s anomalies that tells {@code listener}. */
    public EpisodeTracker(String groupId, EpisodeSettings settings, AnomalyListener listener) {
        this.groupId = groupId;
        this.settings = settings;
        this.listener = listener;
    }

    /**
     * Takes one round's verdict. Rounds that were not scored are ignored.
     *
     * @return the anomaly that goes on after this round, if any
     */
    public Optional<Anomaly> accept(RoundVerdict verdict) {
        if (verdict.status() != RoundVerdict.Status.SCORED) {
            return current();
        }
        if (verdict.grade() >= settings.minimumGrade()) {
            if (episode == null) {
                episode = new Episode(verdict);
                listener.started(episode.snapshot(Anomaly.Lifecycle.ONGOING));
            } else {
                episode.add(verdict);
            }
        } else if (episode != null && ++episode.quietRounds >= settings.quietRoundsToEnd()) {
            end(Anomaly.Lifecycle.ENDED);
        }
        return current();
    }

    /** The anomaly that goes on now, if any. */
    public Optional<Anomaly> current() {
        return episode == null ? Optional.empty() : Optional.of(episode.snapshot(Anomaly.Lifecycle.ONGOING));
    }

    /**
     * Closes an ongoing anomaly because its detector goes away, and tells the listener.
     *
     * @return the closed anomaly, if one was going on
     */
    public Optional<Anomaly> close() {
        return episode == null ? Optional.empty() : Optional.of(end(Anomaly.Lifecycle.CLOSED));
    }

    private Anomaly end(Anomaly.Lifecycle lifecycle) {
        Anomaly ended = episode.snapshot(lifecycle);
        episode = null;
        listener.ended(ended);
        return ended;
    }

    /** The anomaly being tracked. */
    private final class Episode {
        private final long startEpochMs;
        private final Map<String, Double> attributed = new LinkedHashMap<>();
        private long lastEpochMs;
        private int rounds;
        private int quietRounds;
        private RoundVerdict peak;

        Episode(RoundVerdict first) {
            startEpochMs = first.epochMs();
            peak = first;
            add(first);
        }

        void add(RoundVerdict verdict) {
            lastEpochMs = verdict.epochMs();
            rounds++;
            quietRounds = 0;
            if (verdict.grade() > peak.grade()) {
                peak = verdict;
            }
            for (SignalAttribution part : verdict.attribution()) {
                attributed.merge(part.signal(), part.score(), Double::sum);
            }
        }

        Anomaly snapshot(Anomaly.Lifecycle lifecycle) {
            return new Anomaly(groupId, startEpochMs, lastEpochMs, lifecycle, rounds, peak.grade(), peak.score(), peak.epochMs(),
                    contributors(), peak.expectation());
        }

        private List<SignalAttribution> contributors() {
            double total = attributed.values().stream().mapToDouble(Double::doubleValue).sum();
            List<SignalAttribution> result = new ArrayList<>(attributed.size());
            attributed.forEach((signal, score) -> result.add(new SignalAttribution(signal, score, total > 0 ? score / total : 0)));
            result.sort(SignalAttribution.LARGEST_FIRST);
            return result;
        }
    }
}
