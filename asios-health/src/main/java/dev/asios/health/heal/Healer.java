package dev.asios.health.heal;

import dev.asios.health.audit.AuditEvent;
import dev.asios.health.audit.AuditEventType;
import dev.asios.health.audit.AuditLog;
import dev.asios.health.audit.AuditValue;
import dev.asios.health.audit.HealEvents;
import dev.asios.health.heal.neighbour.Neighbours;
import dev.asios.health.heal.neighbour.PressureResource;
import dev.asios.health.policy.Decision;
import dev.asios.health.policy.HealGate;
import dev.asios.health.policy.Proposal;
import dev.asios.health.policy.RemediationKind;
import dev.asios.health.policy.RemediationParameters.Throttle;
import dev.asios.health.rules.RuleFinding;
import dev.asios.health.rules.RuleReport;
import dev.asios.host.parse.CpuSet;
import dev.asios.host.pci.PciAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Turns the known-cause findings of each round into remediations, within the operator's policy:
 * each finding that names a remediation is proposed when it starts, and again every
 * {@code retryAfter} while it stays active; the {@link HealGate} decides; the decision is an audit
 * event (a refusal repeated unchanged is left out), and a remediation carried out is another, with
 * what it found, what it left and how to undo it. Findings of one round that call for the same
 * action on the same subject (several drifted files: one re-apply) are proposed once.
 *
 * <p>A noisy neighbour is known only once the cgroups are scanned, so its proposal, rate limits and
 * cooldown are for the neighbour's cgroup ({@code cgroup/PATH}), not the finding's subject.
 *
 * <p>Thread-safe: rounds are handled one at a time.
 */
public final class Healer {

    /** How the healer reaches the host: which CPUs are isolated and online, the PCI address of a GPU index, and noisy neighbours. */
    public record HostView(Supplier<CpuSet> isolatedCpus, Supplier<CpuSet> onlineCpus, Function<String, Optional<PciAddress>> gpuAddress,
            Neighbours neighbours) {

        /** A view that finds no noisy neighbour. */
        public HostView(Supplier<CpuSet> isolatedCpus, Supplier<CpuSet> onlineCpus, Function<String, Optional<PciAddress>> gpuAddress) {
            this(isolatedCpus, onlineCpus, gpuAddress, Neighbours.NONE);
        }
    }

    private final HealGate gate;
    private final Remediations remediations;
    private final AuditLog audit;
    private final HostView host;
    private final long retryAfterMs;
    private final Map<String, Long> proposedAtMs = new HashMap<>();

    /** A healer deciding under {@code gate}, acting through {@code remediations}, recording in {@code audit}. */
    public Healer(HealGate gate, Remediations remediations, AuditLog audit, HostView host, Duration retryAfter) {
        this.gate = gate;
        this.remediations = remediations;
        this.audit = audit;
        this.host = host;
        this.retryAfterMs = retryAfter.toMillis();
    }

    /** Proposes what the round's findings call for; returns the audit events it appended, oldest first. */
    public synchronized List<AuditEvent> onRound(RuleReport report) {
        proposedAtMs.keySet().removeIf(id -> report.active().stream().noneMatch(f -> f.id().equals(id)));
        Map<String, RuleFinding> due = new LinkedHashMap<>();
        for (RuleFinding finding : report.active()) {
            if (finding.remediation().isEmpty()) {
                continue;
            }
            Long last = proposedAtMs.get(finding.id());
            if (last == null || report.epochMs() - last >= retryAfterMs) {
                proposedAtMs.put(finding.id(), report.epochMs());
                due.putIfAbsent(finding.remediation().get().wireName() + " " + actionSubject(finding), finding);
            }
        }
        List<AuditEvent> events = new ArrayList<>();
        for (RuleFinding finding : due.values()) {
            events.addAll(propose(finding, report.epochMs()));
        }
        return events;
    }

    private List<AuditEvent> propose(RuleFinding finding, long nowMs) {
        RemediationKind kind = finding.remediation().orElseThrow();
        Optional<Remediation> remediation;
        String cannot = null;
        try {
            remediation = build(kind, finding);
        } catch (RuntimeException e) {
            remediation = Optional.empty();
            cannot = "cannot prepare it: " + e.getMessage();
        }
        String subject = kind == RemediationKind.THROTTLE_NOISY_NEIGHBOUR ? remediation.map(Remediation::subject).orElse(actionSubject(finding))
                : actionSubject(finding);
        Decision decision = gate.decide(new Proposal(kind, subject, finding.evidence()), nowMs);
        List<AuditEvent> events = new ArrayList<>();
        if (!decision.repeated()) {
            AuditEvent.Builder decided = HealEvents.decided(decision);
            remediation.ifPresent(r -> decided.before(AuditValue.of(Map.of("finding", finding.id(), "would", r.describe()))));
            events.add(audit.append(decided));
        }
        if (!decision.carryOut()) {
            return events;
        }
        if (remediation.isEmpty()) {
            String why = cannot != null ? cannot : "nothing to do: the host already shows the wanted state";
            events.add(audit.append(AuditEvent.builder(AuditEvent.HEAL, AuditEventType.REMEDIATION_SKIPPED, subject, finding.evidence())
                    .remediation(kind).mode(decision.mode()).outcome(why)));
            return events;
        }
        events.add(audit.append(applied(remediation.get(), finding, decision)));
        return events;
    }

    private static AuditEvent.Builder applied(Remediation remediation, RuleFinding finding, Decision decision) {
        RemediationResult result = remediation.apply();
        AuditEventType type = result.succeeded() ? AuditEventType.REMEDIATION_APPLIED : AuditEventType.REMEDIATION_FAILED;
        return AuditEvent.builder(AuditEvent.HEAL, type, remediation.subject(), finding.evidence()).remediation(remediation.kind())
                .mode(decision.mode()).before(AuditValue.of(result.before())).after(AuditValue.of(result.after())).undoRef(result.undo())
                .outcome(result.succeeded() ? remediation.describe() : String.join("; ", result.problems()));
    }

    /** The remediation for a finding, or empty when the host already shows the wanted state; throws for a kind the healer does not carry out. */
    private Optional<Remediation> build(RemediationKind kind, RuleFinding finding) {
        return switch (kind) {
            case REAPPLY_DRIFT -> Optional.of(remediations.reapplyDrift());
            case MOVE_IRQ_OFF_ISOLATED_CPU -> {
                CpuSet isolated = host.isolatedCpus().get();
                yield remediations.moveIrqOffIsolated(Integer.parseInt(detail(finding, "irq")), isolated, host.onlineCpus().get().andNot(isolated));
            }
            case MOVE_TASK_OFF_ISOLATED_CPU -> {
                CpuSet isolated = host.isolatedCpus().get();
                CpuSet housekeeping = host.onlineCpus().get().andNot(isolated);
                yield finding.details().containsKey("tid")
                        ? remediations.moveTaskOffIsolated(Long.parseLong(detail(finding, "pid")), Long.parseLong(detail(finding, "tid")), isolated, housekeeping)
                        : remediations.moveTasksOffIsolatedCpu(Integer.parseInt(detail(finding, "cpu")), isolated, housekeeping);
            }
            case MARK_GPU_UNHEALTHY -> {
                String gpu = detail(finding, "gpu");
                PciAddress address = host.gpuAddress().apply(gpu)
                        .orElseThrow(() -> new IllegalStateException("GPU " + gpu + " has no PCI address on this host"));
                yield remediations.markGpuUnhealthy(address, finding.evidence());
            }
            case THROTTLE_NOISY_NEIGHBOUR -> {
                Throttle throttle = (Throttle) gate.policy().rule(kind).parameters();
                yield remediations.throttleNoisyNeighbour(host.neighbours().busiest(PressureResource.parse(detail(finding, "resource")), throttle.protect()),
                        throttle);
            }
            case RESTART_CRASHED_RUN -> remediations.restartCrashedRun(detail(finding, "run"), Integer.parseInt(detail(finding, "attempt")));
            default -> throw new IllegalStateException(kind.wireName() + " is not carried out by the healer");
        };
    }

    /** What the action works on: one re-apply for all drifted files, one IRQ, one task (else its CPU), one GPU, else the finding's subject. */
    private static String actionSubject(RuleFinding finding) {
        return switch (finding.remediation().orElseThrow()) {
            case REAPPLY_DRIFT -> "tuning";
            case MOVE_IRQ_OFF_ISOLATED_CPU -> "irq/" + finding.details().getOrDefault("irq", "?");
            case MOVE_TASK_OFF_ISOLATED_CPU -> finding.details().containsKey("tid") ? "task/" + finding.details().get("tid") : finding.subject();
            default -> finding.subject();
        };
    }

    private static String detail(RuleFinding finding, String name) {
        String value = finding.details().get(name);
        if (value == null) {
            throw new IllegalStateException("finding " + finding.id() + " lacks the detail '" + name + "'");
        }
        return value;
    }
}
