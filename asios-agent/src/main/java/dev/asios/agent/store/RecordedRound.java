package dev.asios.agent.store;

import java.util.List;

/**
 * One collection round as recorded: the samples of the series a query asked for, in key order.
 *
 * @param tsMs when the round was collected, in milliseconds since the epoch
 * @param samples the samples; a series without a sample in the round is absent
 */
public record RecordedRound(long tsMs, List<RecordedSample> samples) {

    /** Copies the list. */
    public RecordedRound {
        samples = List.copyOf(samples);
    }
}
