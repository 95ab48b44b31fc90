package dev.asios.health.rules;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * The thresholds, check intervals and hysteresis of the standard known-cause rules
 * ({@link KnownCauseRules#standard}). The thresholds and intervals are checked when the rules are
 * made, with an error that names the setting, its bounds and the value. Immutable.
 *
 * @param swapInPagesPerSecond swap-in rate of a storm
 * @param memorySomeRatio share of time some task stalls on memory that is a stall
 * @param memoryFullRatio share of time every task stalls on memory that is a stall
 * @param memoryCriticalFullRatio share of time every task stalls on memory that is critical
 * @param isolatedRunQueueP99Seconds run-queue p99 on an isolated CPU that is a spike
 * @param taskScanInterval how often the threads on isolated CPUs are scanned
 * @param irqCheckInterval how often {@code /proc/interrupts} is checked
 * @param driftCheckInterval how often the applied tuning is compared with the host
 * @param cpuThermalCheckInterval how often the CPU thermal throttle counts are read
 * @param hysteresis hysteresis by rule id, for the rules whose default is not wanted
 */
public record KnownCauseSettings(double swapInPagesPerSecond, double memorySomeRatio, double memoryFullRatio, double memoryCriticalFullRatio,
        double isolatedRunQueueP99Seconds, Duration taskScanInterval, Duration irqCheckInterval, Duration driftCheckInterval,
        Duration cpuThermalCheckInterval, Map<String, Hysteresis> hysteresis) {

    /** Every rule's ids, for the check of {@link #hysteresis}. */
    static final Set<String> RULE_IDS = Set.of(TuningDriftRule.ID, ForeignTaskRule.ID, IrqOnIsolatedRule.ID, IsolatedRunQueueRule.ID,
            MemoryPressureRule.ID, SwapInStormRule.ID, GpuEccRule.ID, GpuXidRule.ID, GpuThrottleRule.ID, CpuThermalThrottleRule.ID,
            RunCrashedRule.ID);

    /** The defaults of every rule. */
    public static final KnownCauseSettings DEFAULTS = new KnownCauseSettings(SwapInStormRule.DEFAULT_PAGES_PER_SECOND,
            MemoryPressureRule.DEFAULT_SOME_RATIO, MemoryPressureRule.DEFAULT_FULL_RATIO, MemoryPressureRule.DEFAULT_CRITICAL_FULL_RATIO,
            IsolatedRunQueueRule.DEFAULT_P99_SECONDS, ForeignTaskRule.DEFAULT_INTERVAL, IrqOnIsolatedRule.DEFAULT_INTERVAL,
            TuningDriftRule.DEFAULT_INTERVAL, CpuThermalThrottleRule.DEFAULT_INTERVAL, Map.of());

    /**
     * Copies the map.
     *
     * @throws IllegalArgumentException if {@code hysteresis} names a rule that does not exist
     */
    public KnownCauseSettings {
        hysteresis = Map.copyOf(hysteresis);
        for (String id : hysteresis.keySet()) {
            if (!RULE_IDS.contains(id)) {
                throw new IllegalArgumentException("hysteresis for unknown rule '" + id + "'; the rules are " + RULE_IDS.stream().sorted().toList());
            }
        }
    }

    /** The hysteresis of rule {@code id}: the one set here, else {@code fallback}. */
    public Hysteresis hysteresis(String id, Hysteresis fallback) {
        return hysteresis.getOrDefault(id, fallback);
    }
}
