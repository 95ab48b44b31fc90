package dev.asios.health.signal;

import java.util.List;

/**
 * How one signal of a group is computed from its source series each round. Not thread-safe: the
 * extraction's thread only.
 */
interface Signal {

    /** True if every source series has a value now: the signal is worth a place in its group. */
    boolean ready();

    /**
     * This round's value, after every cell was updated; NaN if it could not be measured.
     *
     * @param seconds the time since the previous round, NaN in the first
     */
    double value(double seconds);

    /** The cells this signal reads, to be updated every round. */
    List<Cell> cells();
}
