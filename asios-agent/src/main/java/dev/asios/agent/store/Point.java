package dev.asios.agent.store;

/**
 * One point of a series' history. A point of one sample has {@code min == max == value}; a point
 * that stands for several (a one-minute row, or the samples merged to fit {@code maxPoints}) has a
 * gauge's mean with its minimum and maximum, or a counter's or histogram's last value.
 *
 * @param tsMs when, in milliseconds since the epoch: the last sample's time
 * @param value the value (a histogram's: the sum of its observations), in the family's unit
 * @param min the least sample the point stands for
 * @param max the largest sample the point stands for
 */
public record Point(long tsMs, double value, double min, double max) {

    /** A point of one sample. */
    public static Point of(long tsMs, double value) {
        return new Point(tsMs, value, value, value);
    }
}
