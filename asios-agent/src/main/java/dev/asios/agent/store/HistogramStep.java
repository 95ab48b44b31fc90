package dev.asios.agent.store;

import java.util.List;

/**
 * What a histogram observed between two points of its history: one column of a heat map. A
 * histogram whose counts went down was reset and is taken as counting again from zero.
 *
 * @param fromMs the start of the step (the previous point), in milliseconds since the epoch
 * @param toMs the end of the step, in milliseconds since the epoch
 * @param counts the observations per bucket in the step (not cumulative), one per upper bound
 * @param sum the sum of the observations in the step, in the family's unit
 */
public record HistogramStep(long fromMs, long toMs, List<Long> counts, double sum) {

    /** Copies the counts. */
    public HistogramStep {
        counts = List.copyOf(counts);
    }
}
