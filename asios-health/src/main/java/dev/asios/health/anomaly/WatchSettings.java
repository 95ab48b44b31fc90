package dev.asios.health.anomaly;

import java.time.Duration;

/**
 * How an {@link AnomalyWatch} runs its detectors.
 *
 * @param detector how each group's forest is built
 * @param episodes when graded rounds are an anomaly
 * @param saveInterval how often each detector is saved (1 minute .. 1 day), in observation time;
 *     the first save of each group falls at a point of its own within the first interval, so that
 *     groups that appeared together are not all saved in the same round
 * @param dropAfter how long a group may go unseen before its detector is saved and dropped
 *     (10 seconds .. 7 days)
 * @param recentAnomalies how many ended anomalies the watch keeps for queries (0..10000)
 */
public record WatchSettings(DetectorSettings detector, EpisodeSettings episodes, Duration saveInterval, Duration dropAfter,
        int recentAnomalies) {

    /**
     * Checks the bounds.
     *
     * @throws IllegalArgumentException naming the setting, its bound and the value given
     */
    public WatchSettings {
        DetectorSettings.requireWithin("saveInterval (ms)", saveInterval.toMillis(), Duration.ofMinutes(1).toMillis(), Duration.ofDays(1).toMillis());
        DetectorSettings.requireWithin("dropAfter (ms)", dropAfter.toMillis(), Duration.ofSeconds(10).toMillis(), Duration.ofDays(7).toMillis());
        DetectorSettings.requireWithin("recentAnomalies", recentAnomalies, 0, 10_000);
    }

    /**
     * The defaults: the detector's and episodes' defaults, a save every 10 minutes (a restart
     * loses at most 10 minutes of learning, and a hundred groups' saves cost the store about a
     * blob a round when spread), drop after 10 minutes unseen (a run that ended, a device that
     * went away), and the 200 latest ended anomalies.
     */
    public static WatchSettings defaults() {
        return new WatchSettings(DetectorSettings.defaults(), EpisodeSettings.defaults(), Duration.ofMinutes(10), Duration.ofMinutes(10), 200);
    }
}
