/**
 * Restarting a crashed run: the detached supervisor the agent starts for it ({@link dev.asios.run.restart.DetachedSupervisor},
 * {@link dev.asios.run.restart.RestartMain}), which launches the run's recorded request again through the same planner and
 * launcher as {@code asios run}, linked to the run it restarts in the run store.
 */
package dev.asios.run.restart;
