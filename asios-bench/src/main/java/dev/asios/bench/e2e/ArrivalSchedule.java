package dev.asios.bench.e2e;

/**
 * When one worker's requests are meant to arrive in the open-loop phase: at a constant rate, the
 * {@code k}-th at {@code firstNs + k * intervalNs} on {@link System#nanoTime()}'s clock, whatever
 * the worker is doing then. The workers of a server share the total rate evenly and start
 * staggered by a fraction of the interval, so that their requests interleave. Immutable.
 *
 * @param firstNs the first request's intended arrival
 * @param intervalNs the time between two intended arrivals; at least 1
 */
record ArrivalSchedule(long firstNs, long intervalNs) {

    /** Checks the interval. */
    ArrivalSchedule {
        if (intervalNs < 1) {
            throw new IllegalArgumentException("requests arrive at least 1 ns apart, not " + intervalNs);
        }
    }

    /**
     * Worker {@code worker}'s share of {@code totalPerSecond} requests a second spread over
     * {@code workers} workers from {@code startNs}: every worker gets {@code totalPerSecond / workers}
     * a second, and worker {@code w} starts {@code w / workers} of an interval after {@code startNs}.
     *
     * @throws IllegalArgumentException if the rate is not positive and finite, or the worker is not in 0..workers-1
     */
    static ArrivalSchedule forWorker(long startNs, double totalPerSecond, int workers, int worker) {
        if (!(totalPerSecond > 0) || Double.isInfinite(totalPerSecond)) {
            throw new IllegalArgumentException("the offered rate must be positive and finite, not " + totalPerSecond + " a second");
        }
        if (worker < 0 || worker >= workers) {
            throw new IllegalArgumentException("worker " + worker + " is not one of " + workers);
        }
        long intervalNs = Math.max(1, Math.round(1e9 * workers / totalPerSecond));
        return new ArrivalSchedule(startNs + intervalNs * worker / workers, intervalNs);
    }

    /** The intended arrival of request {@code k} (from 0). */
    long arrivalNs(long k) {
        return firstNs + k * intervalNs;
    }
}
