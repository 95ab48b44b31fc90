package dev.asios.observe.collect;

import dev.asios.observe.metric.MetricFamily;
import dev.asios.observe.metric.Series;
import java.util.List;

/**
 * The series of several families for one thing a collector watches (a disk, an interface, a
 * run): the same label values in every family, one column per family. A column's series is
 * created when the column first gets a value and removed from its family when the value goes
 * absent ({@link Double#NaN}), so a field the kernel does not have, or a limit that is not set,
 * shows no series rather than a made-up 0. {@link #remove()} forgets them all when the thing
 * goes away.
 *
 * <p>Setting a value allocates nothing once its series exists. Not thread-safe: one collector
 * owns a row; the series it creates are safe to read from any thread.
 */
public final class SeriesRow {

    private final MetricFamily[] families;
    private final String[] labelValues;
    private final List<String> labelList;
    private final Series[] series;

    /**
     * A row over {@code families}, whose label names the values fill in order; no series exists
     * until a value is set.
     *
     * @throws IllegalArgumentException if a family takes another number of labels
     */
    public SeriesRow(List<MetricFamily> families, String... labelValues) {
        for (MetricFamily family : families) {
            if (family.labelNames().size() != labelValues.length) {
                throw new IllegalArgumentException(family.name() + " takes labels " + family.labelNames() + ", given " + List.of(labelValues));
            }
        }
        this.families = families.toArray(MetricFamily[]::new);
        this.labelValues = labelValues.clone();
        this.labelList = List.of(labelValues);
        this.series = new Series[this.families.length];
    }

    /** The label values of every series of this row. */
    public List<String> labelValues() {
        return labelList;
    }

    /**
     * Sets the value of column {@code column} (the family's index in the list given), creating
     * its series if needed; {@link Double#NaN} removes it.
     */
    public void set(int column, double value) {
        Series s = series[column];
        if (Double.isNaN(value)) {
            if (s != null) {
                families[column].remove(labelList);
                series[column] = null;
            }
            return;
        }
        if (s == null) {
            s = families[column].series(labelValues);
            series[column] = s;
        }
        s.set(value);
    }

    /** Removes every series of this row from its family; a later {@link #set} creates it again. */
    public void remove() {
        for (int column = 0; column < series.length; column++) {
            set(column, Double.NaN);
        }
    }
}
