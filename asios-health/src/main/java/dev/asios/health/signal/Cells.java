package dev.asios.health.signal;

import dev.asios.observe.metric.HistogramSeries;
import dev.asios.observe.metric.Series;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cells of every source series in use, one per series handle, kept across the rebuilds of
 * the groups so that a counter's rate goes on without a gap while its series lives. A series that
 * is removed and created again is a new handle and starts a new cell. Not thread-safe.
 */
final class Cells {

    private final Map<Object, Cell> bySeries = new IdentityHashMap<>();
    private Cell[] inUse = new Cell[0];

    /** The cell of a counter series, created on first use. */
    CounterCell counter(Series series) {
        return (CounterCell) bySeries.computeIfAbsent(series, s -> new CounterCell(series));
    }

    /** The cell of a histogram series, created on first use. */
    HistogramCell histogram(HistogramSeries series) {
        return (HistogramCell) bySeries.computeIfAbsent(series, s -> new HistogramCell(series));
    }

    /** Keeps the cells of {@code groups} and forgets the others. */
    void retainOnly(List<GroupSpec> groups) {
        Map<Cell, Boolean> used = new IdentityHashMap<>();
        for (GroupSpec group : groups) {
            for (Signal signal : group.signals()) {
                for (Cell cell : signal.cells()) {
                    used.put(cell, Boolean.TRUE);
                }
            }
        }
        bySeries.values().removeIf(cell -> !used.containsKey(cell));
        inUse = new ArrayList<>(used.keySet()).toArray(Cell[]::new);
    }

    /** Updates every cell in use; allocates nothing. */
    void updateAll() {
        for (Cell cell : inUse) {
            cell.update();
        }
    }

    /** How many cells are in use. */
    int size() {
        return inUse.length;
    }
}
