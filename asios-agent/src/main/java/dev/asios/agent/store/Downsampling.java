package dev.asios.agent.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reduces a series' samples to at most a given number of points: the range is cut into equal
 * steps and each step with samples gives one point (a gauge's mean, minimum and maximum; a
 * counter's last value), or one column of a heat map for a histogram. Rates and histogram steps
 * are computed from every sample, so a reset inside a step is counted. Pure functions.
 */
final class Downsampling {

    private Downsampling() {
    }

    /**
     * The index of the last sample of each step that has samples, oldest first: every index when
     * the samples fit in {@code maxPoints}.
     *
     * @param fromMs the range's start; every sample is within the range
     */
    static int[] stepEnds(SampleColumns samples, long fromMs, long toMs, int maxPoints) {
        int size = samples.size();
        if (size <= maxPoints) {
            int[] all = new int[size];
            for (int i = 0; i < size; i++) {
                all[i] = i;
            }
            return all;
        }
        long stepMs = Math.ceilDiv(toMs - fromMs + 1, maxPoints);
        int[] ends = new int[size];
        int count = 0;
        for (int i = 0; i < size; i++) {
            if (i == size - 1 || step(samples.tsMs(i), fromMs, stepMs) != step(samples.tsMs(i + 1), fromMs, stepMs)) {
                ends[count++] = i;
            }
        }
        return Arrays.copyOf(ends, count);
    }

    private static long step(long tsMs, long fromMs, long stepMs) {
        return Math.floorDiv(tsMs - fromMs, stepMs);
    }

    /** A gauge's points: per step, the mean of the values, the least minimum and the largest maximum. */
    static List<Point> gauge(SampleColumns samples, int[] ends) {
        List<Point> points = new ArrayList<>(ends.length);
        int start = 0;
        for (int end : ends) {
            double sum = 0;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int i = start; i <= end; i++) {
                sum += samples.value(i);
                min = Math.min(min, samples.min(i));
                max = Math.max(max, samples.max(i));
            }
            points.add(new Point(samples.tsMs(end), sum / (end - start + 1), min, max));
            start = end + 1;
        }
        return points;
    }

    /** A counter's points: per step, the last value. */
    static List<Point> last(SampleColumns samples, int[] ends) {
        List<Point> points = new ArrayList<>(ends.length);
        for (int end : ends) {
            points.add(Point.of(samples.tsMs(end), samples.value(end)));
        }
        return points;
    }

    /** A counter's rate between each point and the one before: the increase of every sample in between, over the time. */
    static List<Rate> rates(SampleColumns samples, int[] ends) {
        List<Rate> rates = new ArrayList<>(Math.max(0, ends.length - 1));
        for (int j = 1; j < ends.length; j++) {
            double increase = 0;
            for (int i = ends[j - 1] + 1; i <= ends[j]; i++) {
                increase += increase(samples.value(i - 1), samples.value(i));
            }
            long elapsedMs = samples.tsMs(ends[j]) - samples.tsMs(ends[j - 1]);
            if (elapsedMs > 0) {
                rates.add(new Rate(samples.tsMs(ends[j]), increase * 1000.0 / elapsedMs));
            }
        }
        return rates;
    }

    /**
     * A histogram's steps between each point and the one before: the observations per bucket and
     * their sum. Every sample must have counts of the same number of buckets.
     */
    static List<HistogramStep> histogramSteps(SampleColumns samples, int[] ends) {
        List<HistogramStep> steps = new ArrayList<>(Math.max(0, ends.length - 1));
        for (int j = 1; j < ends.length; j++) {
            long[] observed = new long[samples.counts(ends[j]).length];
            double sum = 0;
            for (int i = ends[j - 1] + 1; i <= ends[j]; i++) {
                long[] previous = samples.counts(i - 1);
                long[] current = samples.counts(i);
                boolean reset = wentDown(previous, current);
                for (int b = 0; b < observed.length; b++) {
                    observed[b] += reset ? current[b] : current[b] - previous[b];
                }
                sum += reset ? samples.value(i) : samples.value(i) - samples.value(i - 1);
            }
            List<Long> counts = new ArrayList<>(observed.length);
            for (long count : observed) {
                counts.add(count);
            }
            steps.add(new HistogramStep(samples.tsMs(ends[j - 1]), samples.tsMs(ends[j]), counts, sum));
        }
        return steps;
    }

    /** A counter's increase from one sample to the next; one that went down was reset and counts from zero. */
    static double increase(double previous, double current) {
        return current >= previous ? current - previous : current;
    }

    private static boolean wentDown(long[] previous, long[] current) {
        for (int b = 0; b < current.length; b++) {
            if (current[b] < previous[b]) {
                return true;
            }
        }
        return false;
    }
}
