package dev.asios.host.kernel;

import dev.asios.host.sysroot.SysrootValues;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Reads {@link Irqs}: {@code /proc/interrupts} and each numbered IRQ's affinity under {@code /proc/irq}. */
final class IrqReader {

    private final SysrootValues values;

    IrqReader(SysrootValues values) {
        this.values = values;
    }

    Irqs read() {
        Optional<Interrupts> interrupts = values.parsed("/proc/interrupts", InterruptsParser::parse);
        Map<Integer, IrqAffinity> affinities = new HashMap<>();
        interrupts.ifPresent(table -> table.lines().forEach(line -> line.irq().ifPresent(irq -> {
            String dir = "/proc/irq/" + irq;
            if (values.sysroot().isDirectory(dir)) {
                affinities.put(irq, new IrqAffinity(
                        values.cpuList(dir + "/smp_affinity_list").or(() -> values.cpuMask(dir + "/smp_affinity")),
                        values.cpuList(dir + "/effective_affinity_list").or(() -> values.cpuMask(dir + "/effective_affinity"))));
            }
        })));
        return new Irqs(interrupts, affinities, values.cpuMask("/proc/irq/default_smp_affinity"));
    }
}
