package dev.asios.host.kernel;

import java.util.OptionalLong;

/**
 * Scheduler and timer sysctls that disturb latency-critical CPUs, each absent when its file is
 * missing. Immutable.
 *
 * @param nmiWatchdog {@code kernel.nmi_watchdog}: 1 when the NMI watchdog fires periodically on every CPU
 * @param timerMigration {@code kernel.timer_migration}: 1 when timers may move to busy CPUs
 * @param statIntervalSeconds {@code vm.stat_interval}: how often per-CPU VM statistics are folded, in seconds
 * @param schedRtRuntimeUs {@code kernel.sched_rt_runtime_us}: real-time tasks' share of each
 *     period in microseconds; -1 means no throttling
 */
public record KernelSysctls(OptionalLong nmiWatchdog, OptionalLong timerMigration, OptionalLong statIntervalSeconds,
        OptionalLong schedRtRuntimeUs) {
}
