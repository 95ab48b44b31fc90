package dev.asios.health.signal;

import dev.asios.observe.metric.HistogramSeries;
import dev.asios.observe.metric.Series;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One build of the groups of one kind: the series as they are now, the cells kept across builds,
 * and the groups made. The signal makers answer null when a source series is missing, and a group
 * leaves such a signal out. A signal whose sources exist but have no value yet is left out too
 * and remembered as pending, so that the kind is built again once it has one. Not thread-safe.
 */
final class KindBuild {

    private final SeriesLookup lookup;
    private final Cells cells;
    private final List<GroupSpec> groups = new ArrayList<>();
    private final List<Signal> pending = new ArrayList<>();

    KindBuild(SeriesLookup lookup, Cells cells) {
        this.lookup = lookup;
        this.cells = cells;
    }

    /** The series as they are now. */
    SeriesLookup lookup() {
        return lookup;
    }

    /** Starts the group of {@code entity}; {@link Group#done()} adds it if it has a signal. */
    Group group(String kind, String entity) {
        return new Group(kind, entity);
    }

    /** The groups built. */
    List<GroupSpec> groups() {
        return groups;
    }

    /** The signals left out for want of a value. */
    List<Signal> pending() {
        return pending;
    }

    /** A gauge as it is, or null. */
    Signal gauge(Series series) {
        return series == null ? null : Signals.gauge(series);
    }

    /** The sum of gauges, or null if there is none. */
    Signal gaugeSum(List<Series> series) {
        return series.isEmpty() ? null : Signals.gaugeSum(series);
    }

    /** A gauge divided by another, or null if either is missing. */
    Signal gaugeRatio(Series numerator, Series denominator) {
        return numerator == null || denominator == null ? null : Signals.gaugeRatio(numerator, denominator);
    }

    /** The summed increase of counters per second, or null if one is missing. */
    Signal rate(Series... counters) {
        List<CounterCell> list = counterCells(Arrays.asList(counters));
        return list == null ? null : Signals.rate(list);
    }

    /**
     * The increase of some counters over that of others, or null if one is missing (null in a list)
     * or a list is empty.
     */
    Signal changeRatio(List<Series> numerators, List<Series> denominators, double whenNoChange) {
        List<CounterCell> top = counterCells(numerators);
        List<CounterCell> bottom = counterCells(denominators);
        return top == null || bottom == null ? null : Signals.changeRatio(top, bottom, whenNoChange);
    }

    /** The {@code q}-quantile of a histogram in the round, or null if it is missing. */
    Signal quantile(HistogramSeries histogram, double q) {
        return histogram == null ? null : Signals.quantile(cells.histogram(histogram), q);
    }

    private List<CounterCell> counterCells(List<Series> counters) {
        if (counters.isEmpty()) {
            return null;
        }
        List<CounterCell> list = new ArrayList<>();
        for (Series counter : counters) {
            if (counter == null) {
                return null;
            }
            list.add(cells.counter(counter));
        }
        return list;
    }

    /** The signals of one entity, in the order they are added. */
    final class Group {
        private final String kind;
        private final String entity;
        private final List<String> names = new ArrayList<>();
        private final List<Signal> signals = new ArrayList<>();

        private Group(String kind, String entity) {
            this.kind = kind;
            this.entity = entity;
        }

        /** Adds a signal; a null one (a source is missing) is left out, one without a value yet is pending. */
        Group add(String name, Signal signal) {
            if (signal != null) {
                if (signal.ready()) {
                    names.add(name);
                    signals.add(signal);
                } else {
                    pending.add(signal);
                }
            }
            return this;
        }

        /** Adds the group to the build if it has a signal. */
        void done() {
            if (!signals.isEmpty()) {
                groups.add(new GroupSpec(SignalGroup.of(kind, entity, names), signals));
            }
        }
    }
}
