package dev.asios.observe.runs;

import java.util.List;

/**
 * The runs being watched now. The agent answers from the run store; collectors and probes ask
 * once per interval, so an implementation answers quickly and never blocks on a run.
 * Thread-safe.
 */
@FunctionalInterface
public interface TrackedRuns {

    /** No runs: for hosts and tests without the run layer. */
    TrackedRuns NONE = List::of;

    /** The runs running now. */
    List<TrackedRun> current();
}
