package dev.asios.health.rules;

import dev.asios.health.policy.RemediationParameters.Restart;
import dev.asios.host.parse.CpuSet;
import dev.asios.host.sysroot.Sysroot;
import dev.asios.observe.metric.MetricRegistry;
import dev.asios.run.store.RunRecord;
import dev.asios.tune.apply.TuneStatus.FileState;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/** The standard set of known-cause rules, as the agent runs them next to the learned detector. */
public final class KnownCauseRules {

    private KnownCauseRules() {
    }

    /**
     * What the rules read besides the signal rounds.
     *
     * @param sysroot the host, for the scans of tasks, interrupts and thermal counts
     * @param registry the agent's metrics, for the GPU throttle reasons, ECC counts and XID events
     * @param isolatedCpus the isolated CPUs now ({@link IsolatedCpus#forHost})
     * @param runTaskIds the process and thread ids of the tracked runs ({@link TrackedRunTasks})
     * @param driftedSettings the applied tuning settings that drifted ({@link TuningDriftRule#fromJournal})
     * @param restartCandidates the runs that declared a restart, exited and were not restarted ({@code RunStore.restartCandidates})
     * @param restart how the heal policy restarts a crashed run (its backoff and attempts)
     */
    public record Inputs(Sysroot sysroot, MetricRegistry registry, Supplier<CpuSet> isolatedCpus, Supplier<Set<Long>> runTaskIds,
            Supplier<List<FileState>> driftedSettings, Supplier<List<RunRecord>> restartCandidates, Restart restart) {
    }

    /**
     * Every rule, in the order the engine checks them: tuning drift, tasks and IRQs on isolated
     * CPUs, run-queue latency on isolated CPUs, memory pressure, swap-in storms, GPU ECC, XID and
     * throttling, CPU thermal throttling, crashed runs.
     *
     * @throws IllegalArgumentException if a threshold or an interval of {@code settings} is out of
     *     bounds (the message names it)
     */
    public static List<KnownCauseRule> standard(KnownCauseSettings settings, Inputs inputs) {
        return List.of(
                new TuningDriftRule(inputs.driftedSettings(), settings.driftCheckInterval(),
                        settings.hysteresis(TuningDriftRule.ID, TuningDriftRule.DEFAULT_HYSTERESIS)),
                new ForeignTaskRule(new TaskScanner(inputs.sysroot()), inputs.isolatedCpus(), inputs.runTaskIds(), settings.taskScanInterval(),
                        settings.hysteresis(ForeignTaskRule.ID, ForeignTaskRule.DEFAULT_HYSTERESIS)),
                new IrqOnIsolatedRule(inputs.sysroot(), inputs.isolatedCpus(), settings.irqCheckInterval(),
                        settings.hysteresis(IrqOnIsolatedRule.ID, IrqOnIsolatedRule.DEFAULT_HYSTERESIS)),
                new IsolatedRunQueueRule(inputs.isolatedCpus(), settings.isolatedRunQueueP99Seconds(),
                        settings.hysteresis(IsolatedRunQueueRule.ID, IsolatedRunQueueRule.DEFAULT_HYSTERESIS)),
                new MemoryPressureRule(settings.memorySomeRatio(), settings.memoryFullRatio(), settings.memoryCriticalFullRatio(),
                        settings.hysteresis(MemoryPressureRule.ID, MemoryPressureRule.DEFAULT_HYSTERESIS)),
                new SwapInStormRule(settings.swapInPagesPerSecond(), settings.hysteresis(SwapInStormRule.ID, SwapInStormRule.DEFAULT_HYSTERESIS)),
                new GpuEccRule(inputs.registry(), settings.hysteresis(GpuEccRule.ID, GpuEccRule.DEFAULT_HYSTERESIS)),
                new GpuXidRule(inputs.registry(), settings.hysteresis(GpuXidRule.ID, GpuXidRule.DEFAULT_HYSTERESIS)),
                new GpuThrottleRule(inputs.registry(), settings.hysteresis(GpuThrottleRule.ID, GpuThrottleRule.DEFAULT_HYSTERESIS)),
                new CpuThermalThrottleRule(inputs.sysroot(), settings.cpuThermalCheckInterval(),
                        settings.hysteresis(CpuThermalThrottleRule.ID, CpuThermalThrottleRule.DEFAULT_HYSTERESIS)),
                new RunCrashedRule(inputs.restartCandidates(), inputs.restart(), RunCrashedRule.DEFAULT_INTERVAL,
                        settings.hysteresis(RunCrashedRule.ID, RunCrashedRule.DEFAULT_HYSTERESIS)));
    }
}
