package dev.asios.tune.tunable;

import dev.asios.host.parse.CpuSet;
import dev.asios.tune.plan.ValueFormat;

/**
 * Keeps interrupts and unbound kernel work off isolated CPUs: every IRQ whose affinity reaches an
 * isolated CPU gets the housekeeping CPUs, as does the default affinity of new IRQs and the
 * unbound workqueue cpumask. An IRQ the kernel will not move (per-CPU timers, managed IRQs) is
 * reported when applied and does not stop the rest.
 */
public final class IrqSteeringTunable implements Tunable {

    @Override
    public String id() {
        return "irq.steerOffIsolated";
    }

    @Override
    public Result plan(TuneContext context) {
        CpuSet isolated = context.isolated();
        if (isolated.isEmpty()) {
            return Result.NONE;
        }
        Results results = new Results();
        CpuSet housekeeping = context.housekeeping();
        int cpuCount = context.host().cpu().pus().size();
        if (context.profile().irq().steerOffIsolated().orElse(false)) {
            context.host().kernel().irqs().affinities().forEach((irq, affinity) -> {
                if (affinity.allowed().filter(a -> a.intersects(isolated)).isPresent()) {
                    results.add(Tunable.fileChange(context, id(), "/proc/irq/" + irq + "/smp_affinity_list", ValueFormat.CPU_LIST,
                            housekeeping.toList(), "IRQ " + irq + " off isolated CPUs " + isolated));
                }
            });
            results.add(Tunable.fileChange(context, id(), "/proc/irq/default_smp_affinity", ValueFormat.CPU_MASK,
                    housekeeping.toMask(cpuCount), "new IRQs start on housekeeping CPUs"));
        }
        if (context.profile().noise().workqueueOffIsolated().orElse(false)) {
            results.add(Tunable.fileChange(context, "noise.workqueueOffIsolated", "/sys/devices/virtual/workqueue/cpumask", ValueFormat.CPU_MASK,
                    housekeeping.toMask(cpuCount), "unbound kernel work runs on housekeeping CPUs"));
        }
        return results.result();
    }
}
