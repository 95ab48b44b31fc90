package dev.asios.run.launch;

import dev.asios.host.parse.CpuSet;
import dev.asios.host.sys.Affinity;
import dev.asios.host.sys.NumaMemoryPolicy;
import dev.asios.host.sys.SchedulingClass;
import dev.asios.run.place.NumaPolicy;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Starts a run's process so that it is in its cgroup before its first instruction, and stopped
 * there until {@link Launcher} has attached its counters.
 *
 * <p>The process starts as a small {@code sh} script that writes its pid into every join file of
 * the run's cgroup, stops itself with {@code SIGSTOP}, and on {@code SIGCONT} {@code exec}s the
 * command (same pid, so the exit code and signals are the command's). It is started from a fresh
 * platform thread that first takes the run's NUMA memory policy, its scheduling class and, where
 * no cpuset holds the run, its CPU affinity: the kernel copies all three into a new process, and
 * {@code execve} keeps them. The thread ends after the start. The JDK's process reaper thread,
 * made by that start when none is idle, inherits them too; it only waits in {@code waitpid}, and
 * the {@code asios run} JVM ends with the run, so that is left as it is rather than paid for with
 * an extra process start in every launch.
 */
final class ChildStarter {

    private ChildStarter() {
    }

    /**
     * Starts the run's process, stopped before its command runs.
     *
     * @param affinity the CPUs to pin to, when no cpuset does
     * @throws IOException if the thread's policy cannot be set or the process cannot start
     */
    static Process start(LaunchSpec spec, List<String> joinFiles, Optional<CpuSet> affinity, Optional<Path> preload) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(CgroupJoinScript.argv(joinFiles, spec.command(), true, "asios-run")).inheritIO();
        builder.environment().clear();
        builder.environment().putAll(spec.environment());
        preload.ifPresent(library -> builder.environment().merge("LD_PRELOAD", library.toString(), (old, lib) -> lib + " " + old));
        AtomicReference<Object> result = new AtomicReference<>();
        Thread starter = Thread.ofPlatform().name("asios-run-start").unstarted(() -> {
            try {
                if (affinity.isPresent()) {
                    Affinity.setCurrentThread(affinity.get());
                }
                setMemoryPolicy(spec);
                if (spec.realtimePriority().isPresent()) {
                    SchedulingClass.setCurrentThread(SchedulingClass.Policy.FIFO, spec.realtimePriority().getAsInt());
                }
                result.set(builder.start());
            } catch (IOException | RuntimeException e) {
                result.set(e);
            }
        });
        starter.start();
        try {
            starter.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting the run");
        }
        return switch (result.get()) {
            case Process process -> process;
            case IOException e -> throw e;
            case RuntimeException e -> throw e;
            default -> throw new IOException("the run did not start");
        };
    }

    private static void setMemoryPolicy(LaunchSpec spec) throws IOException {
        CpuSet nodes = spec.placement().memoryNodes();
        if (nodes.isEmpty()) {
            return;
        }
        NumaPolicy policy = spec.placement().policy();
        switch (policy) {
            case STRICT -> NumaMemoryPolicy.setCurrentThread(NumaMemoryPolicy.Mode.BIND, nodes);
            case PREFERRED -> NumaMemoryPolicy.setCurrentThread(NumaMemoryPolicy.Mode.PREFERRED, CpuSet.of(nodes.first()));
            case INTERLEAVE -> NumaMemoryPolicy.setCurrentThread(NumaMemoryPolicy.Mode.INTERLEAVE, nodes);
        }
    }
}
