package dev.asios.run.launch;

import dev.asios.run.place.PlacementRequest;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Everything an operator asked of one run before it is placed: enough to launch it again, the
 * same way, on the host as it is then ({@link LaunchPlanner} turns it into a {@link LaunchSpec}).
 * A run that declares a restart keeps it in the run store ({@link RunRequestJson}), so the agent's
 * restart places it anew with the same request, in the same environment and working folder.
 * Immutable.
 *
 * @param command the program (an absolute path) and its arguments
 * @param environment the caller's environment, before the placement's variables are added
 * @param workingDirectory the folder the command runs in, absolute
 * @param placement what it asks of the host; {@code placement.memoryBytes()} is also its memory limit,
 *     {@code placement.isolated()} also puts its cgroup under the isolated cpuset
 * @param hugepages how malloc gets hugepages
 * @param cpuWeight the cgroup's CPU weight, 1 to 10000
 * @param ioWeight the cgroup's I/O weight, 1 to 10000
 * @param pidsMax the most tasks
 * @param realtimePriority the SCHED_FIFO priority of the main thread, 1 to 98; empty for the normal class
 * @param mlock whether all its memory is locked
 * @param restart whether the agent may restart it when it crashes
 * @param checkpointCommand a shell command line ({@code /bin/sh -c}) that a restart runs instead of
 *     {@code command}, such as one that resumes from the last checkpoint; only with a restart policy
 */
public record RunRequest(List<String> command, Map<String, String> environment, String workingDirectory, PlacementRequest placement,
        HugepageMode hugepages, OptionalInt cpuWeight, OptionalInt ioWeight, OptionalInt pidsMax, OptionalInt realtimePriority, boolean mlock,
        RestartPolicy restart, Optional<String> checkpointCommand) {

    /** The shell that runs a checkpoint command. */
    public static final String SHELL = "/bin/sh";

    /**
     * Creates an immutable copy.
     *
     * @throws IllegalArgumentException if the command is empty, or a checkpoint command is given
     *     without a restart policy or is blank
     */
    public RunRequest {
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
        Objects.requireNonNull(workingDirectory, "workingDirectory");
        Objects.requireNonNull(placement, "placement");
        if (command.isEmpty()) {
            throw new IllegalArgumentException("a run needs a command");
        }
        if (checkpointCommand.isPresent() && (restart == RestartPolicy.NO || checkpointCommand.get().isBlank())) {
            throw new IllegalArgumentException("a checkpoint command needs a restart policy (--restart on-failure) and some text, given '"
                    + checkpointCommand.get() + "' with --restart " + restart.wireName());
        }
    }

    /** The command a restart runs: {@code /bin/sh -c CHECKPOINT} when a checkpoint command was declared, else the command itself. */
    public List<String> restartCommand() {
        return checkpointCommand.map(line -> List.of(SHELL, "-c", line)).orElse(command);
    }

    /** The request a restart launches: this one with {@link #restartCommand()} as its command. */
    public RunRequest forRestart() {
        return new RunRequest(restartCommand(), environment, workingDirectory, placement, hugepages, cpuWeight, ioWeight, pidsMax, realtimePriority,
                mlock, restart, checkpointCommand);
    }
}
