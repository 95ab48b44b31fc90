package dev.asios.agent.store;

import java.util.List;

/**
 * A histogram's history over a range, as at most {@code maxSteps} steps: the data of a heat map
 * whose rows are the series' {@link SeriesInfo#upperBounds()}.
 *
 * @param series the series
 * @param resolution the rows it was read from
 * @param steps the steps, oldest first
 */
public record HistogramHistory(SeriesInfo series, Resolution resolution, List<HistogramStep> steps) {

    /** Copies the list. */
    public HistogramHistory {
        steps = List.copyOf(steps);
    }
}
