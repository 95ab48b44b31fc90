/**
 * The learned anomaly detector: one Random Cut Forest per {@link dev.asios.health.signal.SignalGroup}
 * scores every round ({@link dev.asios.health.anomaly.ForestDetector}), an
 * {@link dev.asios.health.anomaly.EpisodeTracker} turns the per-round grades into anomalies that
 * start, go on and end, and an {@link dev.asios.health.anomaly.AnomalyWatch} keeps one of each per
 * group, creates them lazily, drops idle ones and saves their learned state through a
 * {@link dev.asios.health.anomaly.DetectorStateRepository} so that it survives restarts.
 *
 * <p>Time in this package is the observations' own {@code epochMs}, never the wall clock, so that
 * a recorded trace replays exactly as it ran.
 */
package dev.asios.health.anomaly;
