package dev.asios.agent;

import dev.asios.host.sysroot.Sysroot;
import dev.asios.observe.tool.BoundedTool;
import dev.asios.observe.tool.ToolException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Mounts tracefs at {@code /sys/kernel/tracing} for the eBPF probes' tracepoints when it is not
 * mounted (systemd's {@code sys-kernel-tracing.mount} does it on most hosts; minimal ones and
 * containers lack it), and unmounts it at stop if the agent mounted it, so the host is left as
 * found. Needs root; without it, or where the mount point is missing, nothing is done and the
 * probes say that tracefs is not mounted.
 */
final class TracefsMount implements AutoCloseable {

    static final String MOUNT_POINT = "/sys/kernel/tracing";

    private final boolean mounted;
    private final String outcome;

    private TracefsMount(boolean mounted, String outcome) {
        this.mounted = mounted;
        this.outcome = outcome;
    }

    /** Mounts tracefs if the host needs it and the agent may; never throws. */
    static TracefsMount ensure(Sysroot sysroot, boolean root) {
        if (!sysroot.isHost() || sysroot.isDirectory(MOUNT_POINT + "/events") || sysroot.isDirectory("/sys/kernel/debug/tracing/events")) {
            return new TracefsMount(false, "");
        }
        if (!root || !sysroot.isDirectory(MOUNT_POINT)) {
            return new TracefsMount(false, "");
        }
        String failure = run("mount", "-t", "tracefs", "nodev", MOUNT_POINT);
        return failure.isEmpty() ? new TracefsMount(true, "mounted tracefs at " + MOUNT_POINT + " for the eBPF probes (unmounted at stop)")
                : new TracefsMount(false, "could not mount tracefs at " + MOUNT_POINT + ": " + failure);
    }

    /** What was done, for the start-up lines; empty when nothing was needed. */
    String outcome() {
        return outcome;
    }

    @Override
    public void close() throws IOException {
        if (mounted) {
            String failure = run("umount", MOUNT_POINT);
            if (!failure.isEmpty()) {
                throw new IOException("could not unmount tracefs at " + MOUNT_POINT + ": " + failure);
            }
        }
    }

    private static String run(String... command) {
        try {
            new BoundedTool(Path.of(command[0]), Duration.ofSeconds(10)).run(List.of(command).subList(1, command.length));
            return "";
        } catch (ToolException e) {
            return e.getMessage();
        }
    }
}
