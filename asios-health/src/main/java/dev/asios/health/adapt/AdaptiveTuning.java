package dev.asios.health.adapt;

import dev.asios.health.audit.AuditLog;
import dev.asios.health.policy.HealGate;
import dev.asios.health.signal.SignalRound;
import dev.asios.host.sysroot.Sysroot;
import dev.asios.observe.runs.TrackedRuns;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The adaptive tuning of one host, as the agent runs it: the {@link AdaptiveIoScheduler} and the
 * {@link HugepagePoolManager}, fed each round on the health thread. Not thread-safe.
 */
public final class AdaptiveTuning implements AutoCloseable {

    private final AdaptiveIoScheduler ioScheduler;
    private final HugepagePoolManager hugepagePools;

    /** Adaptive tuning of {@code sysroot} under {@code gate}, journaled in {@code journalDir}, recorded in {@code audit}. */
    public AdaptiveTuning(HealGate gate, AuditLog audit, Sysroot sysroot, Path journalDir, Clock clock, TrackedRuns runs) {
        this.ioScheduler = new AdaptiveIoScheduler(gate, audit, sysroot, journalDir, clock);
        this.hugepagePools = new HugepagePoolManager(gate, audit, sysroot, journalDir, clock, runs);
    }

    /** Takes one round: advances the I/O trials and sizes the hugepage pools when a check is due. */
    public void onRound(SignalRound round) {
        ioScheduler.onRound(round);
        hugepagePools.onRound(round.epochMs());
    }

    /** Reverts any I/O trial still running. */
    @Override
    public void close() {
        ioScheduler.close();
    }
}
