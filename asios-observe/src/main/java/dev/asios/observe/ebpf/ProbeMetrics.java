package dev.asios.observe.ebpf;

import dev.asios.observe.metric.MetricRegistry;
import dev.asios.observe.metric.Series;

/**
 * The health series of one probe: {@code asios_ebpf_probe_up{probe}} (1 while its bpftrace runs
 * and prints, else 0), {@code asios_ebpf_probe_restarts_total{probe}} and
 * {@code asios_ebpf_lost_events_total{probe}}. Thread-safe, as {@link Series} is.
 */
final class ProbeMetrics {

    private final Series up;
    private final Series restarts;
    private final Series lostEvents;

    /** Registers the families (once per registry) and the series of {@code probe}, all at 0. */
    ProbeMetrics(MetricRegistry registry, String probe) {
        this.up = registry.gauge("asios_ebpf_probe_up", "Whether the eBPF probe's bpftrace runs and prints data (1) or not (0).", null, "probe")
                .series(probe);
        this.restarts = registry.counter("asios_ebpf_probe_restarts", "Restarts of the eBPF probe's bpftrace after it stopped.", null, "probe")
                .series(probe);
        this.lostEvents = registry.counter("asios_ebpf_lost_events", "Events the kernel dropped because the probe's output buffer was full.", null,
                "probe").series(probe);
        up.set(0);
        restarts.set(0);
        lostEvents.set(0);
    }

    void up(boolean running) {
        up.set(running ? 1 : 0);
    }

    void restarts(long count) {
        restarts.set(count);
    }

    void lostEvents(long count) {
        lostEvents.set(count);
    }
}
