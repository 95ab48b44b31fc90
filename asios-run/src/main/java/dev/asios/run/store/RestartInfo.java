package dev.asios.run.store;

import java.util.Optional;

/**
 * What a run declared about being restarted, and how it is linked to the runs before and after
 * it. A run launched by an operator without a restart declaration has {@link #NONE}; so have the
 * rows recorded before the store knew restarts. Immutable.
 *
 * @param request the run's launch request as JSON (what {@code dev.asios.run.launch.RunRequestJson}
 *     writes: the command, its environment and working folder, the placement request, the limits,
 *     the restart policy and the checkpoint command); present only when the run declared that it may
 *     be restarted
 * @param restartedFrom the run this one restarts; empty for a run an operator launched
 * @param attempt the restarts in a row that led to this run: 0 for a run an operator launched, 1 for
 *     its first restart, 2 for the restart of that one, ...
 * @param restartedAs the run that restarts this one, once the agent claimed the restart; at most one
 * @param stoppedByOperator whether the run ended because its supervisor passed a signal on to it (an
 *     operator's stop: Ctrl-C, {@code kill SUPERVISOR}, {@code asios runs --stop}); such a run is never
 *     restarted
 */
public record RestartInfo(Optional<String> request, Optional<String> restartedFrom, int attempt, Optional<String> restartedAs, boolean stoppedByOperator) {

    /** A run that declared nothing and is linked to no other. */
    public static final RestartInfo NONE = new RestartInfo(Optional.empty(), Optional.empty(), 0, Optional.empty(), false);

    /**
     * Checks the attempt.
     *
     * @throws IllegalArgumentException if it is negative
     */
    public RestartInfo {
        if (attempt < 0) {
            throw new IllegalArgumentException("a run's restart attempt is 0 or more, given " + attempt);
        }
    }

    /** A run launched with {@code request} (JSON) as its declaration: the first of its line, or restart {@code attempt} of {@code from}. */
    public static RestartInfo declared(String request, Optional<String> from, int attempt) {
        return new RestartInfo(Optional.of(request), from, attempt, Optional.empty(), false);
    }

    /** Whether the run declared that it may be restarted. */
    public boolean declared() {
        return request.isPresent();
    }
}
