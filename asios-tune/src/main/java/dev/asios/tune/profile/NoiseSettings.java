package dev.asios.tune.profile;

import java.util.Optional;

/**
 * The {@code noise} section of a profile: kernel activity that interrupts running work. Every
 * setting is optional; absent means leave the host as it is.
 *
 * @param workqueueOffIsolated keep unbound workqueues off the isolated CPUs
 * @param timerMigration {@code kernel.timer_migration}
 * @param statIntervalSeconds {@code vm.stat_interval}, in seconds, at least 1
 * @param nmiWatchdog {@code kernel.nmi_watchdog}
 * @param rtThrottling real-time throttling ({@code kernel.sched_rt_runtime_us}; false = -1)
 * @param ksm kernel same-page merging ({@code /sys/kernel/mm/ksm/run})
 * @param holdCpuDmaLatencyUs hold {@code /dev/cpu_dma_latency} open at this value, in
 *     microseconds, at least 0, while the profile is applied
 */
public record NoiseSettings(
        Optional<Boolean> workqueueOffIsolated,
        Optional<Boolean> timerMigration,
        Optional<Integer> statIntervalSeconds,
        Optional<Boolean> nmiWatchdog,
        Optional<Boolean> rtThrottling,
        Optional<Boolean> ksm,
        Optional<Integer> holdCpuDmaLatencyUs) {

    /** No settings. */
    public static final NoiseSettings NONE = new NoiseSettings(
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    /** These settings, with the gaps filled from {@code base}. */
    public NoiseSettings over(NoiseSettings base) {
        return new NoiseSettings(
                workqueueOffIsolated.or(base::workqueueOffIsolated),
                timerMigration.or(base::timerMigration),
                statIntervalSeconds.or(base::statIntervalSeconds),
                nmiWatchdog.or(base::nmiWatchdog),
                rtThrottling.or(base::rtThrottling),
                ksm.or(base::ksm),
                holdCpuDmaLatencyUs.or(base::holdCpuDmaLatencyUs));
    }
}
