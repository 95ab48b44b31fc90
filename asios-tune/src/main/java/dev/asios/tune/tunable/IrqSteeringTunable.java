package dev.asios.tune.tunable;

import dev.asios.host.parse.CpuSet;
import dev.asios.host.pci.PciDevice;
import dev.asios.host.sysroot.Sysroot;
import dev.asios.tune.plan.ValueFormat;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where interrupts run. With {@code irq.pinDevicesToLocalNode}, each PCI device's interrupts (its
 * MSI vectors under {@code msi_irqs/}, or its legacy {@code irq}) go to the CPUs of the device's
 * NUMA node. With {@code irq.steerOffIsolated}, no interrupt may reach an isolated CPU: what
 * would is moved to the housekeeping CPUs (of the device's node where it has any), as is the
 * default affinity of new IRQs. With {@code noise.workqueueOffIsolated}, so is the unbound
 * workqueue cpumask. An IRQ the kernel will not move (per-CPU or managed) is reported when
 * applied and does not stop the rest.
 */
public final class IrqSteeringTunable implements Tunable {

    @Override
    public String id() {
        return "irq.affinity";
    }

    @Override
    public Result plan(TuneContext context) {
        var irq = context.profile().irq();
        boolean pin = irq.pinDevicesToLocalNode().orElse(false);
        boolean steer = irq.steerOffIsolated().orElse(false) && !context.isolated().isEmpty();
        boolean workqueue = context.profile().noise().workqueueOffIsolated().orElse(false) && !context.isolated().isEmpty();
        if (!pin && !steer && !workqueue) {
            return Result.NONE;
        }
        Results results = new Results();
        Map<Integer, CpuSet> deviceCpus = pin || steer ? deviceLocalCpus(context) : Map.of();
        int cpuCount = context.host().cpu().pus().size();
        context.host().kernel().irqs().affinities().forEach((number, affinity) -> {
            Optional<CpuSet> allowed = affinity.allowed();
            desired(context, number, allowed.orElse(CpuSet.empty()), deviceCpus.get(number), pin, steer).ifPresent(target ->
                    results.add(Tunable.fileChange(context, id(), "/proc/irq/" + number + "/smp_affinity_list", ValueFormat.CPU_LIST,
                            target.toList(), "IRQ " + number + (deviceCpus.containsKey(number) ? " of a device on CPUs " + deviceCpus.get(number) : ""))));
        });
        if (steer) {
            results.add(Tunable.fileChange(context, id(), "/proc/irq/default_smp_affinity", ValueFormat.CPU_MASK,
                    context.housekeeping().toMask(cpuCount), "new IRQs start on housekeeping CPUs"));
        }
        if (workqueue) {
            results.add(Tunable.fileChange(context, "noise.workqueueOffIsolated", "/sys/devices/virtual/workqueue/cpumask", ValueFormat.CPU_MASK,
                    context.housekeeping().toMask(cpuCount), "unbound kernel work runs on housekeeping CPUs"));
        }
        return results.result();
    }

    /** The affinity an IRQ should have, or empty to leave it as it is. */
    private static Optional<CpuSet> desired(TuneContext context, int irq, CpuSet allowed, CpuSet local, boolean pin, boolean steer) {
        CpuSet chosen = pin && local != null ? local : allowed;
        CpuSet target = steer ? context.offIsolated(chosen) : chosen;
        return target.isEmpty() || target.equals(allowed) ? Optional.empty() : Optional.of(target);
    }

    /** The online CPUs near each device IRQ, from the devices' NUMA nodes or local CPUs. */
    private static Map<Integer, CpuSet> deviceLocalCpus(TuneContext context) {
        Map<Integer, CpuSet> byIrq = new HashMap<>();
        Sysroot sysroot = context.values().sysroot();
        for (PciDevice device : context.host().pci().devices()) {
            Optional<CpuSet> local = device.numaNode().isPresent()
                    ? context.host().numa().node(device.numaNode().getAsInt()).map(n -> n.cpus())
                    : device.localCpus();
            CpuSet cpus = local.orElse(CpuSet.empty()).and(context.host().cpu().onlineCpus());
            if (cpus.isEmpty()) {
                continue;
            }
            String dir = "/sys/bus/pci/devices/" + device.address();
            for (String vector : sysroot.list(dir + "/msi_irqs")) {
                if (!vector.isEmpty() && vector.chars().allMatch(Character::isDigit) && vector.length() < 8) {
                    byIrq.put(Integer.parseInt(vector), cpus);
                }
            }
            context.values().longValue(dir + "/irq").ifPresent(legacy -> {
                if (legacy > 0 && legacy < Integer.MAX_VALUE) {
                    byIrq.putIfAbsent((int) legacy, cpus);
                }
            });
        }
        return byIrq;
    }
}
