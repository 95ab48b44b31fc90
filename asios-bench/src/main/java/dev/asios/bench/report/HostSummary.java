package dev.asios.bench.report;

import dev.asios.host.inspect.HostSnapshot;
import dev.asios.host.kernel.VirtualizationKind;
import dev.asios.host.numa.MeminfoParser;
import dev.asios.host.numa.NumaNode;
import dev.asios.host.parse.ParseException;
import dev.asios.host.sysroot.Sysroot;

/**
 * The host a benchmark ran on, in one line each, as every result carries it. Immutable.
 *
 * @param cpu architecture, model and the number of online CPUs
 * @param memory total memory and NUMA nodes
 * @param kernel the kernel release
 * @param virtualization bare metal, or the hypervisor
 */
public record HostSummary(String cpu, String memory, String kernel, String virtualization) {

    /** The summary of {@code host}, read through {@code sysroot}; the memory is {@code MemTotal} of {@code /proc/meminfo}, else the nodes' sum. */
    public static HostSummary of(HostSnapshot host, Sysroot sysroot) {
        long nodes = host.numa().nodes().stream().mapToLong(NumaNode::localMemoryBytes).sum();
        long bytes;
        try {
            bytes = sysroot.read("/proc/meminfo").map(MeminfoParser::parse).map(m -> m.getOrDefault("MemTotal", nodes)).orElse(nodes);
        } catch (ParseException e) {
            bytes = nodes;
        }
        String cpu = host.cpu().architecture() + ", " + host.cpu().model().orElse("unknown model") + ", " + host.cpu().onlineCpus().size()
                + " online CPUs";
        String memory = String.format(java.util.Locale.ROOT, "%.1f GiB in %d NUMA node(s)", bytes / (double) (1L << 30), host.numa().nodes().size());
        var virtualization = host.kernel().virtualMachine();
        String where = virtualization.kind() == VirtualizationKind.NONE ? "bare metal"
                : virtualization.kind() == VirtualizationKind.VM ? "virtual machine" + virtualization.name().map(n -> " (" + n + ")").orElse("")
                : "unknown";
        return new HostSummary(cpu, memory, host.kernel().kernel().release().orElse("unknown"), where);
    }
}
