package dev.asios.host.findings;

import dev.asios.host.inspect.HostSnapshot;
import dev.asios.host.kernel.Virtualization;
import dev.asios.host.kernel.VirtualizationKind;
import java.util.List;
import java.util.Optional;

/** Fires when the host is a virtual machine: some of what matters is the hypervisor's to set. */
final class VirtualizedRule extends BaseRule {

    VirtualizedRule() {
        super("virtual-machine", Severity.INFO,
                "In a VM, CPU frequency, deep C-states, NUMA layout and PCIe topology are partly or wholly the "
                        + "hypervisor's: vCPUs may share physical cores, and what the guest sees may not be the hardware.");
    }

    @Override
    public Optional<Finding> check(HostSnapshot host) {
        Virtualization vm = host.kernel().virtualMachine();
        if (vm.kind() != VirtualizationKind.VM) {
            return Optional.empty();
        }
        return Optional.of(finding("running in a virtual machine" + vm.name().map(n -> " (" + n + ")").orElse(""),
                List.of(new Evidence(vm.evidencePath().orElse("/proc/cpuinfo"), vm.name().orElse("hypervisor"))),
                Fix.manual("ask for dedicated (pinned) vCPUs, a NUMA-aware VM shape and GPUs passed through whole; tune the host itself where you own it")));
    }
}
