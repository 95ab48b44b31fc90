package dev.asios.health.adapt;

import dev.asios.health.adapt.DeviceTrial.BaselineReady;
import dev.asios.health.adapt.DeviceTrial.Step;
import dev.asios.health.adapt.DeviceTrial.TrialComplete;
import dev.asios.health.audit.AuditEvent;
import dev.asios.health.audit.AuditEventType;
import dev.asios.health.audit.AuditLog;
import dev.asios.health.audit.AuditValue;
import dev.asios.health.audit.HealEvents;
import dev.asios.health.policy.Decision;
import dev.asios.health.policy.HealGate;
import dev.asios.health.policy.HealMode;
import dev.asios.health.policy.Proposal;
import dev.asios.health.policy.RemediationKind;
import dev.asios.health.policy.RemediationParameters.IoSchedulerTrial;
import dev.asios.health.policy.RemediationRule;
import dev.asios.health.signal.GroupObservation;
import dev.asios.health.signal.SignalNames.Disk;
import dev.asios.health.signal.SignalRound;
import dev.asios.host.sysroot.Sysroot;
import dev.asios.tune.apply.Outcome;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The adaptive I/O scheduler: for every block device of the round's {@code disk/NAME} groups it
 * runs a {@link DeviceTrial}. When a stable baseline window is full, it reads the device's queue,
 * asks {@link IoHeuristics} for candidates (leaving out any file another profile set: the
 * profile's choice wins), and proposes the first as {@code adaptive-io-scheduler} on
 * {@code disk/NAME} to the {@link HealGate}. Carried out, the change is written through the tuning
 * journal and measured for the same length; then kept when better by the policy's margin,
 * otherwise reverted ({@link TrialVerdict}). One trial per device at a time. Every decision and
 * step is an audit event: the decision, {@code trial-started} with the baseline,
 * {@code trial-kept} or {@code trial-reverted} with both windows.
 *
 * <p>Does nothing while the policy is off or the remediation disabled (the default). Time is the
 * rounds' own. Not thread-safe: the agent calls it from its health thread.
 */
public final class AdaptiveIoScheduler implements AutoCloseable {

    private static final RemediationKind KIND = RemediationKind.ADAPTIVE_IO_SCHEDULER;

    private final HealGate gate;
    private final AuditLog audit;
    private final Sysroot sysroot;
    private final AdaptJournal journal;
    private final Map<String, DeviceTrial> devices = new HashMap<>();

    /** Adapts the devices of {@code sysroot}, journaling in {@code journalDir}, deciding under {@code gate}, recording in {@code audit}. */
    public AdaptiveIoScheduler(HealGate gate, AuditLog audit, Sysroot sysroot, Path journalDir, Clock clock) {
        this.gate = gate;
        this.audit = audit;
        this.sysroot = sysroot;
        this.journal = new AdaptJournal(sysroot, journalDir, clock);
    }

    /** Takes one round's signals: advances every device's trial, and proposes, starts or ends trials. */
    public void onRound(SignalRound round) {
        RemediationRule rule = gate.policy().rule(KIND);
        if (gate.policy().mode() == HealMode.OFF || !rule.enabled()) {
            return;
        }
        IoSchedulerTrial parameters = (IoSchedulerTrial) rule.parameters();
        long windowMs = parameters.trialDuration().toMillis();
        Set<String> present = new HashSet<>();
        for (GroupObservation observed : round.ofKind(Disk.KIND)) {
            String device = observed.group().entity();
            present.add(device);
            DeviceTrial trial = devices.computeIfAbsent(device, d -> new DeviceTrial());
            Step step = trial.onSample(DiskSample.of(observed), windowMs);
            if (step instanceof BaselineReady ready) {
                consider(device, trial, ready.baseline(), round.epochMs());
            } else if (step instanceof TrialComplete complete) {
                conclude(device, trial, TrialVerdict.judge(complete.baseline(), complete.trial(), complete.candidate().setting(), parameters),
                        complete.trial(), round.epochMs());
            }
        }
        devices.entrySet().removeIf(e -> !present.contains(e.getKey()) && !e.getValue().trying());
    }

    /** Whether a trial runs on {@code device} now. */
    public boolean trying(String device) {
        DeviceTrial trial = devices.get(device);
        return trial != null && trial.trying();
    }

    /** Reverts every running trial: the agent stops, so no trial can be judged. */
    @Override
    public void close() {
        devices.forEach((device, trial) -> {
            if (trial.trying()) {
                revert(device, trial, new TrialVerdict(TrialVerdict.Outcome.VOID, "the agent stopped before the trial ended"), null);
            }
        });
        devices.clear();
    }

    private void consider(String device, DeviceTrial trial, IoPattern baseline, long nowMs) {
        trial.watchFrom(nowMs);
        Optional<DeviceQueue> queue = DeviceQueue.read(sysroot, device);
        if (queue.isEmpty()) {
            return;
        }
        List<Candidate> candidates = IoHeuristics.candidates(queue.get(), baseline).stream()
                .filter(c -> !journal.setByProfile(c.setting().path(device))).toList();
        if (candidates.isEmpty()) {
            return;
        }
        Candidate candidate = candidates.getFirst();
        String subject = Disk.KIND + "/" + device;
        Decision decision = gate.decide(new Proposal(KIND, subject, "try " + candidate.describe() + ": " + candidate.reason()), nowMs);
        if (!decision.repeated()) {
            audit.append(HealEvents.decided(decision).before(AuditValue.of(baseline.numbers("baseline-"))));
        }
        if (!decision.carryOut()) {
            return;
        }
        Setting setting = candidate.setting();
        String path = setting.path(device);
        Outcome outcome = journal.write(setting.tunable(), path, setting.format(), candidate.current(), candidate.proposed(), candidate.reason());
        if (!outcome.ok()) {
            audit.append(event(AuditEventType.REMEDIATION_FAILED, subject, candidate).before(AuditValue.of(candidate.current()))
                    .outcome(path + ": " + outcome.error().orElseThrow()));
            return;
        }
        trial.startTrial(candidate, baseline, nowMs);
        Map<String, String> before = new LinkedHashMap<>(Map.of("setting", path, "value", candidate.current()));
        before.putAll(baseline.numbers("baseline-"));
        audit.append(event(AuditEventType.TRIAL_STARTED, subject, candidate).before(AuditValue.of(before)).after(AuditValue.of(candidate.proposed()))
                .undoRef(journal.undo()).outcome("trying " + candidate.describe() + " for " + baseline.rounds() + " rounds"));
    }

    private void conclude(String device, DeviceTrial trial, TrialVerdict verdict, IoPattern measured, long nowMs) {
        Candidate candidate = trial.candidate();
        if (verdict.outcome() == TrialVerdict.Outcome.KEEP) {
            audit.append(event(AuditEventType.TRIAL_KEPT, Disk.KIND + "/" + device, candidate).before(AuditValue.of(trial.baseline().numbers("baseline-")))
                    .after(AuditValue.of(numbers(candidate, measured))).undoRef(journal.undo()).outcome("kept " + candidate.describe() + ": " + verdict.reason()));
        } else {
            revert(device, trial, verdict, measured);
        }
        trial.watchFrom(nowMs);
    }

    /** Writes the original back (unless something else changed the file meanwhile) and records it. */
    private void revert(String device, DeviceTrial trial, TrialVerdict verdict, IoPattern measured) {
        Candidate candidate = trial.candidate();
        Setting setting = candidate.setting();
        String path = setting.path(device);
        Optional<String> now = journal.current(path, setting.format());
        String result;
        if (now.isPresent() && !now.get().equalsIgnoreCase(candidate.proposed())) {
            result = "left " + path + " at " + now.get() + ": it was changed during the trial by someone else";
        } else {
            Outcome outcome = journal.restore(setting.tunable(), path, setting.format(), candidate.proposed(), "end of trial: " + verdict.outcome());
            result = outcome.ok() ? "restored " + path + " to " + outcome.value() : "could not restore " + path + ": " + outcome.error().orElseThrow();
        }
        Map<String, String> after = measured == null ? Map.of("value", journal.current(path, setting.format()).orElse("unreadable")) : numbers(candidate, measured);
        audit.append(event(AuditEventType.TRIAL_REVERTED, Disk.KIND + "/" + device, candidate).before(AuditValue.of(trial.baseline().numbers("baseline-")))
                .after(AuditValue.of(after)).undoRef(journal.undo())
                .outcome(verdict.outcome().name().toLowerCase(java.util.Locale.ROOT) + ": " + verdict.reason() + "; " + result));
    }

    private static Map<String, String> numbers(Candidate candidate, IoPattern measured) {
        Map<String, String> numbers = new LinkedHashMap<>(Map.of("tried", candidate.describe()));
        numbers.putAll(measured.numbers("trial-"));
        return numbers;
    }

    private AuditEvent.Builder event(AuditEventType type, String subject, Candidate candidate) {
        return AuditEvent.builder(AuditEvent.HEAL, type, subject, candidate.reason()).remediation(KIND).mode(gate.policy().mode());
    }
}
