package dev.asios.health.signal;

/**
 * What the extraction keeps of one source series between rounds, to turn cumulative values into
 * this round's change. Every cell is updated once per round, before any signal reads it. Not
 * thread-safe: the extraction's thread only.
 */
interface Cell {

    /** Reads the series now and computes the change since the previous round; allocates nothing. */
    void update();
}
