package dev.asios.health.forecast;

/**
 * Turns samples (one a round) into steps of a fixed length: step {@code i} holds the samples of
 * {@code [i * stepMs, (i + 1) * stepMs)} since the epoch, its value their mean or the last of them.
 * A step is complete when a sample of a later step arrives (or on {@link #flush}), so it reaches
 * the sink at most one round late. A step without samples is never emitted: the sink sees the gap
 * as a jump in the step index.
 *
 * <p>Samples must come in time order: a sample at or before the last one taken (the overlap of
 * recorded history and the first live rounds) is ignored, as is a value that is NaN (not measured
 * this round) or infinite; {@link #ignoredSamples()} counts them. Not thread-safe: one owner feeds it.
 */
public final class StepAggregator {

    /** Receives completed steps, in increasing index order. */
    @FunctionalInterface
    public interface StepSink {
        /**
         * One completed step.
         *
         * @param stepIndex the step's index: its start in milliseconds since the epoch divided by the step
         * @param value the step's value
         */
        void step(long stepIndex, double value);
    }

    private final long stepMs;
    private final StepAggregation aggregation;
    private long currentStep;
    private int samples;
    private double sum;
    private double last;
    private long lastEpochMs = Long.MIN_VALUE;
    private long ignored;

    /**
     * An aggregator with no samples yet.
     *
     * @throws IllegalArgumentException if {@code stepMs} is not positive
     */
    public StepAggregator(long stepMs, StepAggregation aggregation) {
        if (stepMs <= 0) {
            throw new IllegalArgumentException("step must be positive, was " + stepMs + " ms");
        }
        this.stepMs = stepMs;
        this.aggregation = aggregation;
    }

    /**
     * Takes one sample; completes the pending step first if the sample belongs to a later one.
     *
     * @return whether a step was completed and given to {@code sink}
     */
    public boolean add(long epochMs, double value, StepSink sink) {
        if (epochMs <= lastEpochMs || !Double.isFinite(value)) {
            ignored++;
            return false;
        }
        long step = Math.floorDiv(epochMs, stepMs);
        boolean completed = step != currentStep && flush(sink);
        currentStep = step;
        samples++;
        sum += value;
        last = value;
        lastEpochMs = epochMs;
        return completed;
    }

    /**
     * Completes the pending step now, for the end of a recorded series.
     *
     * @return whether there was a pending step
     */
    public boolean flush(StepSink sink) {
        if (samples == 0) {
            return false;
        }
        double value = aggregation == StepAggregation.MEAN ? sum / samples : last;
        samples = 0;
        sum = 0;
        sink.step(currentStep, value);
        return true;
    }

    /** The time of the last sample taken, in milliseconds since the epoch, or {@link Long#MIN_VALUE} before the first. */
    public long lastEpochMs() {
        return lastEpochMs;
    }

    /** Samples ignored so far: out of order, repeated, NaN or infinite. */
    public long ignoredSamples() {
        return ignored;
    }
}
