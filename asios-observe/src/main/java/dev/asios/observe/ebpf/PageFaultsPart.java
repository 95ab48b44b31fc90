package dev.asios.observe.ebpf;

import dev.asios.host.sysroot.Sysroot;
import dev.asios.observe.metric.MetricRegistry;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Page faults per process ({@code page_faults.bt}), exposed for the processes with the most as
 * {@code asios_process_page_faults_total{pid,comm}}. Not thread-safe: the probe's reader thread
 * only.
 */
final class PageFaultsPart extends ScriptedPart {

    private static final String MAP = "@faults";

    private final PidCounters counters;

    /** Registers the family; exposes the {@code topN} processes with the most faults. */
    PageFaultsPart(Sysroot sysroot, MetricRegistry registry, int topN) {
        super("page_faults", ProbeScript.resource("page_faults.bt"), List.of(new ProbeRequirement.PerfEvents()), Set.of(MAP), List.of());
        this.counters = new PidCounters(
                registry.counter("asios_process_page_faults", "Page faults of the processes with the most since the probe started.", null, "pid", "comm"),
                topN, sysroot);
    }

    @Override
    public void accept(BpftraceMessage message) {
        if (message instanceof BpftraceMessage.MapValues values && values.map().equals(MAP)) {
            for (Map.Entry<String, Long> entry : values.values().entrySet()) {
                counters.add(MapKeys.leadingLong(entry.getKey()), entry.getValue());
            }
            counters.publish();
        }
    }

    @Override
    public void restarted() {
        // The map is cleared every second and summed here: nothing to carry over.
    }
}
