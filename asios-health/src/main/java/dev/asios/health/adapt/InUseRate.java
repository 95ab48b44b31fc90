package dev.asios.health.adapt;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * How fast a pool's floor (pages held and reserved) grows: the least-squares slope of the samples
 * of the last {@code windowMs}, projected over a lead time. A simple rate, not the Random Cut
 * Forest forecaster of the forecast package: hugepage use moves in steps and short ramps when
 * runs start and fault their pages in, and a pool must grow within minutes of such a ramp, while
 * the forecaster speaks only after 32 one-minute steps of history. Not thread-safe.
 */
final class InUseRate {

    /** The least span of samples a slope is taken from. */
    static final long MIN_SPAN_MS = 30_000;

    private final long windowMs;
    private final Deque<long[]> samples = new ArrayDeque<>();

    /** A rate over the last {@code windowMs}. */
    InUseRate(long windowMs) {
        this.windowMs = windowMs;
    }

    /** Takes the floor of one check. */
    void add(long epochMs, long pages) {
        samples.addLast(new long[] {epochMs, pages});
        while (samples.peekFirst()[0] < epochMs - windowMs) {
            samples.removeFirst();
        }
    }

    /** The pages the floor is expected to add within {@code leadMs} at the window's rate; 0 when it is flat, falling, or not known yet. */
    double extraPages(long leadMs) {
        if (samples.size() < 3 || samples.peekLast()[0] - samples.peekFirst()[0] < MIN_SPAN_MS) {
            return 0;
        }
        double t0 = samples.peekFirst()[0];
        double meanT = 0;
        double meanY = 0;
        for (long[] s : samples) {
            meanT += s[0] - t0;
            meanY += s[1];
        }
        meanT /= samples.size();
        meanY /= samples.size();
        double covariance = 0;
        double variance = 0;
        for (long[] s : samples) {
            double dt = s[0] - t0 - meanT;
            covariance += dt * (s[1] - meanY);
            variance += dt * dt;
        }
        double pagesPerMs = covariance / variance;
        return Math.max(0, pagesPerMs * leadMs);
    }
}
