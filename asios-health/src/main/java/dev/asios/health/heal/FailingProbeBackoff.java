package dev.asios.health.heal;

import dev.asios.health.audit.AuditEvent;
import dev.asios.health.audit.AuditEventType;
import dev.asios.health.audit.AuditLog;
import dev.asios.health.audit.AuditValue;
import dev.asios.health.audit.HealEvents;
import dev.asios.health.policy.Decision;
import dev.asios.health.policy.DurationText;
import dev.asios.health.policy.HealGate;
import dev.asios.health.policy.HealMode;
import dev.asios.health.policy.HealPolicy;
import dev.asios.health.policy.Proposal;
import dev.asios.health.policy.RemediationKind;
import dev.asios.health.policy.RemediationParameters.ProbeBackoff;
import dev.asios.observe.restart.Backoff;
import dev.asios.observe.restart.RestartPermit;
import dev.asios.observe.restart.Stop;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The heal policy's {@code back-off-failing-probe}: each stop of an eBPF probe, and each backoff of
 * a failing collector, is proposed to the {@link HealGate} as {@link RemediationKind#BACK_OFF_FAILING_PROBE}
 * on {@code probe/NAME} or {@code collector/NAME}, and the decision becomes audit events:
 *
 * <ul>
 *   <li>enforce, within the limits: {@code remediation-proposed}, then {@code remediation-applied}
 *       ("restarting probe kernel after 1s backoff"); the restart is allowed;</li>
 *   <li>enforce, over a limit: {@code rate-limited} with the retry time; the restart is refused
 *       until then, so the probe or collector stays stopped (the supervisor asks again then);</li>
 *   <li>dry-run: {@code remediation-proposed}, or {@code rate-limited} saying it would stay
 *       stopped; the restart is always allowed, so nothing changes;</li>
 *   <li>off: nothing is decided or reported; the restart is allowed.</li>
 * </ul>
 *
 * What enforce adds over dry-run is therefore the rate limit honoured: a probe that keeps dying is
 * left stopped once it used up its restarts in the window. The waits between restarts are the
 * policy's in every mode ({@link #backoff}). A refusal repeated unchanged is not written again.
 *
 * <p>{@link #beforeRestart} decides at once and writes the events on a thread of its own, so the
 * collector loop that asks is never held up by the audit log's fsync; an event that cannot be
 * written is lost. Thread-safe. {@link #close()} writes what is queued.
 */
public final class FailingProbeBackoff implements RestartPermit, AutoCloseable {

    private static final RemediationKind KIND = RemediationKind.BACK_OFF_FAILING_PROBE;

    private final HealGate gate;
    private final AuditLog audit;
    private final InstantSource clock;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("asios-probe-backoff-audit").factory());

    /** Decides under {@code gate} (the healer's, so the limits are shared), records in {@code audit}, tells time by {@code clock}. */
    public FailingProbeBackoff(HealGate gate, AuditLog audit, InstantSource clock) {
        this.gate = gate;
        this.audit = audit;
        this.clock = clock;
    }

    /** The waits between restarts of probes and collectors in {@code policy}: its {@code back-off-failing-probe} backoff. */
    public static Backoff.Settings backoff(HealPolicy policy) {
        return ((ProbeBackoff) policy.rule(KIND).parameters()).backoff();
    }

    @Override
    public Answer beforeRestart(Stop stop) {
        if (gate.policy().mode() == HealMode.OFF) {
            return Answer.ALLOWED;
        }
        Decision decision = gate.decide(new Proposal(KIND, stop.subject(), stop.why()), clock.millis());
        boolean keepStopped = decision.refused() && decision.mode() == HealMode.ENFORCE;
        List<AuditEvent.Builder> events = new ArrayList<>();
        if (!decision.repeated()) {
            events.add(decided(decision, stop, keepStopped));
        }
        if (decision.carryOut()) {
            events.add(applied(stop, decision));
        }
        if (!events.isEmpty()) {
            writer.execute(() -> write(events));
        }
        return keepStopped ? Answer.refusedUntil(decision.retryAtEpochMs().getAsLong(), decision.explanation()) : Answer.ALLOWED;
    }

    private static AuditEvent.Builder decided(Decision decision, Stop stop, boolean keepStopped) {
        AuditEvent.Builder event = HealEvents.decided(decision).before(stopped(stop));
        if (decision.refused()) {
            event.outcome(decision.explanation() + (keepStopped ? "; " + stop.subject() + " stays stopped until then"
                    : "; dry-run: enforce would keep " + stop.subject() + " stopped until then, it restarts after " + seconds(stop.backoff())));
        }
        return event;
    }

    private static AuditEvent.Builder applied(Stop stop, Decision decision) {
        String verb = Stop.PROBE.equals(stop.kind()) ? "restarting" : "resuming";
        return AuditEvent.builder(AuditEvent.HEAL, AuditEventType.REMEDIATION_APPLIED, stop.subject(), stop.why()).remediation(KIND)
                .mode(decision.mode()).before(stopped(stop)).after(AuditValue.of(Map.of("restart-in", seconds(stop.backoff()))))
                .outcome(verb + " " + stop.kind() + " " + stop.name() + " after " + seconds(stop.backoff()) + " backoff");
    }

    private static AuditValue stopped(Stop stop) {
        return AuditValue.of(Map.of("stopped", stop.why(), "ran-for", seconds(stop.ranFor())));
    }

    private static String seconds(Duration duration) {
        return DurationText.format(duration.compareTo(Duration.ofSeconds(1)) < 0 ? duration : Duration.ofSeconds(duration.toSeconds()));
    }

    private void write(List<AuditEvent.Builder> events) {
        try {
            audit.appendAll(events);
        } catch (RuntimeException e) {
            // lost, as the class says: a restart must not wait on, or fail with, the audit log
        }
    }

    /** Writes the events still queued, waiting up to 10 s, and stops the writer. */
    @Override
    public void close() {
        writer.shutdown();
        try {
            writer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
