package dev.asios.agent.store;

import dev.asios.observe.metric.HistogramValue;
import java.util.Optional;

/**
 * One series' sample in a recorded round, as the collectors left it: a counter's cumulative
 * value, a gauge's level, a histogram's cumulative buckets and sum.
 *
 * @param series the series
 * @param value a counter's or gauge's value; a histogram's sum
 * @param histogram a histogram's buckets and sum, with the series' current bounds; empty for other kinds
 */
public record RecordedSample(SeriesInfo series, double value, Optional<HistogramValue> histogram) {
}
