package dev.asios.agent.api;

import dev.asios.host.findings.Finding;
import dev.asios.host.findings.RuleBook;
import dev.asios.host.inspect.HostInspector;
import dev.asios.host.inspect.HostSnapshot;
import dev.asios.host.sysroot.Sysroot;
import java.time.Duration;
import java.util.List;

/**
 * The host inventory and its findings, inspected on first use and again when older than the
 * refresh period: inspection reads thousands of sysfs files, so the API does not redo it per
 * request. Thread-safe.
 */
public final class HostModel {

    private final Sysroot sysroot;
    private final long refreshNanos;
    private Inspection latest;

    /** Inspects {@code sysroot} at most once per {@code refresh}. */
    public HostModel(Sysroot sysroot, Duration refresh) {
        this.sysroot = sysroot;
        this.refreshNanos = refresh.toNanos();
    }

    /**
     * One inspection and its findings.
     *
     * @param host the snapshot
     * @param findings what the built-in rules found in it
     * @param takenAtNanos {@link System#nanoTime()} when it was taken
     */
    public record Inspection(HostSnapshot host, List<Finding> findings, long takenAtNanos) {
    }

    /** The latest inspection, taken now if none is fresh enough. */
    public synchronized Inspection current() {
        long now = System.nanoTime();
        if (latest == null || now - latest.takenAtNanos() > refreshNanos) {
            HostSnapshot host = new HostInspector(sysroot).inspect();
            latest = new Inspection(host, RuleBook.builtIn().evaluate(host), now);
        }
        return latest;
    }
}
