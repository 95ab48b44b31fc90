package dev.asios.observe.ebpf;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Stops a child process and everything it started: SIGTERM first, SIGKILL to whatever is still
 * alive after a grace period, and waits until they are gone. Its descendants are taken before
 * the child is signalled, since once it is gone they belong to init and no longer show as its
 * descendants. Thread-safe.
 */
final class ProcessStopper {

    private ProcessStopper() {
    }

    /** Stops {@code process} and its descendants, taking at most about twice {@code grace}. */
    static void stop(Process process, Duration grace) {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        descendants.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        try {
            if (!process.waitFor(grace)) {
                process.destroyForcibly();
            }
            for (ProcessHandle descendant : descendants) {
                if (!exited(descendant, deadline)) {
                    descendant.destroyForcibly();
                }
            }
            process.waitFor(grace);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            descendants.forEach(ProcessHandle::destroyForcibly);
            Thread.currentThread().interrupt();
        }
    }

    private static boolean exited(ProcessHandle process, long deadline) throws InterruptedException {
        try {
            process.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !process.isAlive();
        }
    }
}
