package dev.asios.host.findings;

import dev.asios.host.inspect.HostSnapshot;
import dev.asios.host.kernel.IrqAffinity;
import dev.asios.host.parse.CpuSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Fires when device interrupts are delivered to isolated CPUs. */
final class IrqsOnIsolatedRule extends BaseRule {

    private static final int MAX_EVIDENCE = 8;

    IrqsOnIsolatedRule() {
        super("irqs-on-isolated-cpus", Severity.WARNING,
                "An interrupt handled on an isolated CPU preempts the thread that owns it: NIC and NVMe interrupts "
                        + "arrive thousands of times a second and each costs microseconds plus cache pollution.");
    }

    @Override
    public Optional<Finding> check(HostSnapshot host) {
        CpuSet isolated = host.kernel().isolation().isolated().orElse(CpuSet.empty());
        if (isolated.isEmpty()) {
            return Optional.empty();
        }
        List<Evidence> evidence = new ArrayList<>();
        List<Integer> irqs = new ArrayList<>();
        for (Map.Entry<Integer, IrqAffinity> entry : host.kernel().irqs().affinities().entrySet()) {
            Optional<CpuSet> effective = entry.getValue().effective().or(() -> entry.getValue().allowed());
            if (effective.isPresent() && effective.get().intersects(isolated)) {
                irqs.add(entry.getKey());
                if (evidence.size() < MAX_EVIDENCE) {
                    evidence.add(new Evidence("/proc/irq/" + entry.getKey() + "/effective_affinity_list", effective.get().toList()));
                }
            }
        }
        if (irqs.isEmpty()) {
            return Optional.empty();
        }
        CpuSet housekeeping = host.cpu().onlineCpus().andNot(isolated);
        return Optional.of(finding(irqs.size() + " IRQ(s) can land on isolated CPUs " + isolated, evidence,
                Fix.command("for i in " + String.join(" ", irqs.stream().map(String::valueOf).toList()) + "; do echo "
                        + housekeeping.toList() + " > /proc/irq/$i/smp_affinity_list; done"),
                Fix.bootParameter("irqaffinity=" + housekeeping.toList())));
    }
}
