package dev.asios.agent.store;

import java.util.List;

/**
 * A counter's or gauge's history over a range, at most {@code maxPoints} points.
 *
 * @param series the series
 * @param resolution the rows it was read from
 * @param points the points, oldest first
 * @param rates for a counter, the rate between each point and the one before (one fewer than the
 *     points); empty for a gauge
 */
public record History(SeriesInfo series, Resolution resolution, List<Point> points, List<Rate> rates) {

    /** Copies the lists. */
    public History {
        points = List.copyOf(points);
        rates = List.copyOf(rates);
    }
}
