package dev.asios.health.rules;

import dev.asios.health.policy.RemediationKind;
import dev.asios.health.signal.GroupObservation;
import dev.asios.health.signal.SignalNames.Cpu;
import dev.asios.health.signal.SignalRound;
import dev.asios.host.findings.Severity;
import dev.asios.host.parse.CpuSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@value #ID}: the 99th percentile of run-queue latency on an isolated CPU above a threshold
 * ({@code cpu/N} {@code runqueue_p99_seconds}, from the eBPF probe). A task waiting tens of
 * microseconds for the CPU it was given means something else runs there; the remediation is to
 * move that task off. Without the eBPF probe the signal is absent and the rule sees nothing. The
 * isolated CPUs are asked for only when some CPU is over the threshold.
 */
public final class IsolatedRunQueueRule extends RuleBase {

    /** The rule's id. */
    public static final String ID = "isolated-cpu-runqueue-latency";
    /** By default: 25 µs. */
    public static final double DEFAULT_P99_SECONDS = 25e-6;
    /** By default: 3 rounds in a row to fire, 5 calm ones to clear. */
    public static final Hysteresis DEFAULT_HYSTERESIS = new Hysteresis(3, 5);

    private final Supplier<CpuSet> isolatedCpus;
    private final double thresholdSeconds;

    /**
     * Latency above {@code thresholdSeconds} on the CPUs {@code isolatedCpus} gives.
     *
     * @throws IllegalArgumentException if the threshold is not positive
     */
    public IsolatedRunQueueRule(Supplier<CpuSet> isolatedCpus, double thresholdSeconds, Hysteresis hysteresis) {
        super(ID, hysteresis);
        this.isolatedCpus = isolatedCpus;
        this.thresholdSeconds = Evidence.positive("isolated run-queue p99 threshold (seconds)", thresholdSeconds);
    }

    @Override
    public List<Symptom> check(SignalRound round) {
        List<Symptom> symptoms = new ArrayList<>();
        CpuSet isolated = null;
        for (GroupObservation cpu : round.ofKind(Cpu.KIND)) {
            double p99 = cpu.value(Cpu.RUNQUEUE_P99_SECONDS);
            if (!(p99 > thresholdSeconds)) {
                continue;
            }
            isolated = isolated == null ? isolatedCpus.get() : isolated;
            int number = Integer.parseInt(cpu.group().entity());
            if (isolated.contains(number)) {
                double p50 = cpu.value(Cpu.RUNQUEUE_P50_SECONDS);
                symptoms.add(new Symptom(cpu.group().id(), "", Severity.WARNING,
                        "run-queue latency p99 " + Evidence.micros(p99) + " (p50 " + Evidence.micros(p50) + ") on isolated CPU " + number
                                + ", above " + Evidence.micros(thresholdSeconds),
                        Optional.of(RemediationKind.MOVE_TASK_OFF_ISOLATED_CPU),
                        Map.of("cpu", Integer.toString(number), "runqueue_p99_seconds", Double.toString(p99))));
            }
        }
        return symptoms;
    }
}
