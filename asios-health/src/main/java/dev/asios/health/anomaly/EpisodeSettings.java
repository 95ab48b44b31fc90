package dev.asios.health.anomaly;

/**
 * When a run of graded rounds is an anomaly.
 *
 * @param minimumGrade the grade from which a round counts as anomalous, (0..1]; RCF grades any
 *     score over its threshold, and the lowest grades are mostly noise
 * @param quietRoundsToEnd how many scored rounds in a row below {@code minimumGrade} end an
 *     anomaly (1..1000); skipped and warm-up rounds count neither way
 */
public record EpisodeSettings(double minimumGrade, int quietRoundsToEnd) {

    private static final EpisodeSettings DEFAULTS = new EpisodeSettings(0.5, 5);

    /**
     * Checks the bounds.
     *
     * @throws IllegalArgumentException naming the setting, its bound and the value given
     */
    public EpisodeSettings {
        if (!(minimumGrade > 0 && minimumGrade <= 1)) {
            throw new IllegalArgumentException("minimumGrade must be within (0, 1], given " + minimumGrade);
        }
        DetectorSettings.requireWithin("quietRoundsToEnd", quietRoundsToEnd, 1, 1000);
    }

    /**
     * The defaults: a grade of at least 0.5 and 5 quiet rounds to end. On the generated traces of
     * the package's quality test (4 signals, z-factor 5), counting any grade gives about 5 false
     * alarms an hour on quiet signals; from 0.5 it is about 0.2 an hour, for a few faults fewer
     * found. Five quiet rounds keep a level shift that the forest flags on and off one anomaly.
     */
    public static EpisodeSettings defaults() {
        return DEFAULTS;
    }
}
