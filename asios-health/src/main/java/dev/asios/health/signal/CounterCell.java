package dev.asios.health.signal;

import dev.asios.observe.metric.Series;

/**
 * The change of one counter series over the round. The change is NaN in the round the cell first
 * reads the series, in a round where the series has no value, and in a round where the counter
 * went down (its source restarted): a rate is never made up across a gap or a reset.
 */
final class CounterCell implements Cell {

    private final Series series;
    private double previous = Double.NaN;
    private double delta = Double.NaN;

    CounterCell(Series series) {
        this.series = series;
    }

    @Override
    public void update() {
        double now = series.value();
        delta = Double.isNaN(previous) || Double.isNaN(now) || now < previous ? Double.NaN : now - previous;
        previous = now;
    }

    /** The increase since the previous round, or NaN. */
    double delta() {
        return delta;
    }

    /** True if the series has a value now. */
    boolean hasValue() {
        return !Double.isNaN(series.value());
    }
}
