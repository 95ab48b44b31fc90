package dev.asios.health.rules;

import dev.asios.health.policy.RemediationKind;
import dev.asios.health.signal.SignalNames.Host;
import dev.asios.health.signal.SignalRound;
import dev.asios.host.findings.Severity;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@value #ID}: tasks stalled on memory (PSI, {@code host/all}) for a share of the time at or
 * above a threshold: {@code some} (at least one task stalled) or {@code full} (every non-idle
 * task at once). A warning; critical when {@code full} reaches the critical share. The
 * remediation is to hold back the cgroup that takes the memory (detail {@code resource}
 * {@code memory}). Subject {@code host}; NaN is not bad.
 */
public final class MemoryPressureRule extends RuleBase {

    /** The rule's id. */
    public static final String ID = "memory-pressure-stall";
    /** By default: some task stalled 10% of the time. */
    public static final double DEFAULT_SOME_RATIO = 0.10;
    /** By default: every task stalled 5% of the time. */
    public static final double DEFAULT_FULL_RATIO = 0.05;
    /** By default: every task stalled 20% of the time is critical. */
    public static final double DEFAULT_CRITICAL_FULL_RATIO = 0.20;
    /** By default: 5 rounds in a row to fire, 10 calm ones to clear. */
    public static final Hysteresis DEFAULT_HYSTERESIS = new Hysteresis(5, 10);

    private final double someRatio;
    private final double fullRatio;
    private final double criticalFullRatio;

    /**
     * Thresholds as shares of time, 0 to 1.
     *
     * @throws IllegalArgumentException if a threshold is not within (0, 1], or the critical one
     *     is below the full one
     */
    public MemoryPressureRule(double someRatio, double fullRatio, double criticalFullRatio, Hysteresis hysteresis) {
        super(ID, hysteresis);
        this.someRatio = share("memory pressure some threshold", someRatio);
        this.fullRatio = share("memory pressure full threshold", fullRatio);
        this.criticalFullRatio = share("memory pressure critical full threshold", criticalFullRatio);
        if (criticalFullRatio < fullRatio) {
            throw new IllegalArgumentException("memory pressure critical full threshold " + criticalFullRatio + " is below the full threshold " + fullRatio);
        }
    }

    private static double share(String setting, double value) {
        if (!(value > 0 && value <= 1)) {
            throw new IllegalArgumentException(setting + " must be a share of time within (0, 1], given " + value);
        }
        return value;
    }

    @Override
    public List<Symptom> check(SignalRound round) {
        double some = round.value(Host.ID, Host.MEMORY_PRESSURE_SOME_RATIO);
        double full = round.value(Host.ID, Host.MEMORY_PRESSURE_FULL_RATIO);
        if (!(some >= someRatio) && !(full >= fullRatio)) {
            return List.of();
        }
        Severity severity = full >= criticalFullRatio ? Severity.CRITICAL : Severity.WARNING;
        String evidence = "tasks stalled on memory " + (Double.isNaN(some) ? "?" : Evidence.percent(some)) + " of the time (some; threshold "
                + Evidence.percent(someRatio) + "), all tasks at once " + (Double.isNaN(full) ? "?" : Evidence.percent(full)) + " (full; threshold "
                + Evidence.percent(fullRatio) + ")";
        return List.of(new Symptom("host", "", severity, evidence, Optional.of(RemediationKind.THROTTLE_NOISY_NEIGHBOUR),
                Map.of("memory_pressure_some_ratio", Evidence.number(some, 4), "memory_pressure_full_ratio", Evidence.number(full, 4), "resource", "memory")));
    }
}
