package dev.asios.run.launch;

import dev.asios.run.place.Placement;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Everything {@link Launcher} needs to start one run. Immutable.
 *
 * @param id the run id (also its cgroup's name, {@code run-ID})
 * @param command the program (an absolute path, resolved before anything is made) and its arguments
 * @param placement where it runs
 * @param limits its cgroup's limits
 * @param isolated whether its cgroup goes under the tuning profile's isolated cpuset
 * @param realtimePriority the SCHED_FIFO priority of its main thread, 1 to 99; empty for the normal class
 * @param mlock lock all its memory ({@code mlockall} through a preloaded library; {@code RLIMIT_MEMLOCK} raised)
 * @param environment the environment it gets (the caller's, with the placement's variables)
 */
public record LaunchSpec(String id, List<String> command, Placement placement, CgroupLimits limits, boolean isolated,
        OptionalInt realtimePriority, boolean mlock, Map<String, String> environment) {

    /** Creates an immutable copy. */
    public LaunchSpec {
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
    }
}
