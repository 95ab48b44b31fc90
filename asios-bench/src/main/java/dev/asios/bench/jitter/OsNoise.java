package dev.asios.bench.jitter;

/**
 * What took one CPU away from a busy thread during one run: every gap between two consecutive
 * clock readings above the threshold counts as noise (an interrupt, a kernel thread, another task).
 * Immutable.
 *
 * @param thresholdNs the smallest gap counted, in nanoseconds
 * @param gaps how many gaps were above the threshold
 * @param maxGapUs the longest gap, in microseconds; 0 with no gap
 * @param p99GapUs the 99th percentile of the counted gaps, in microseconds; 0 with no gap
 * @param noiseNsPerSecond the counted gaps' total per second of run, in nanoseconds per second
 */
public record OsNoise(long thresholdNs, long gaps, double maxGapUs, double p99GapUs, double noiseNsPerSecond) {
}
