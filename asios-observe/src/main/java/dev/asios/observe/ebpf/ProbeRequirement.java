package dev.asios.observe.ebpf;

import dev.asios.host.sysroot.Sysroot;
import dev.asios.observe.collect.Availability;
import java.util.List;

/**
 * Something in the kernel a probe part attaches to, checked before bpftrace starts so that a part
 * the host cannot run is left out with a reason instead of failing the whole script. None of the
 * shipped parts needs BTF ({@code /sys/kernel/btf/vmlinux}): tracepoints, perf software events and
 * uprobes work without it; only kfunc probes and kprobes that read kernel structures would.
 * Immutable.
 */
public sealed interface ProbeRequirement {

    /** The folders where tracefs shows its events: its own mount point, or under debugfs. */
    List<String> TRACEFS_EVENTS = List.of("/sys/kernel/tracing/events", "/sys/kernel/debug/tracing/events");

    /** Whether the host has it, and if not, what to do about it. */
    Availability check(Sysroot sysroot);

    /**
     * A kernel tracepoint, such as {@code sched:sched_switch}; needs tracefs mounted.
     *
     * @param category the tracepoint's category, such as {@code sched}
     * @param event the event's name, such as {@code sched_switch}
     */
    record Tracepoint(String category, String event) implements ProbeRequirement {

        @Override
        public Availability check(Sysroot sysroot) {
            boolean mounted = false;
            for (String events : TRACEFS_EVENTS) {
                if (sysroot.isDirectory(events)) {
                    mounted = true;
                    if (sysroot.isDirectory(events + "/" + category + "/" + event)) {
                        return Availability.AVAILABLE;
                    }
                }
            }
            if (!mounted) {
                return Availability.unavailable("tracefs is not mounted, so tracepoint " + category + ":" + event
                        + " cannot be found: run 'mount -t tracefs nodev /sys/kernel/tracing' (or enable sys-kernel-tracing.mount)");
            }
            return Availability.unavailable("this kernel has no tracepoint " + category + ":" + event);
        }
    }

    /** Perf software events, such as {@code software:page-faults}. */
    record PerfEvents() implements ProbeRequirement {

        @Override
        public Availability check(Sysroot sysroot) {
            return sysroot.exists("/proc/sys/kernel/perf_event_paranoid")
                    ? Availability.AVAILABLE
                    : Availability.unavailable("this kernel has no perf events (CONFIG_PERF_EVENTS is off)");
        }
    }

    /**
     * A uprobe on a shared library.
     *
     * @param library the library's absolute host path
     */
    record Uprobe(String library) implements ProbeRequirement {

        @Override
        public Availability check(Sysroot sysroot) {
            if (!sysroot.exists(library)) {
                return Availability.unavailable(library + " is gone");
            }
            boolean pmu = sysroot.isDirectory("/sys/bus/event_source/devices/uprobe");
            for (String events : TRACEFS_EVENTS) {
                pmu |= sysroot.exists(events.replace("/events", "/uprobe_events"));
            }
            return pmu ? Availability.AVAILABLE : Availability.unavailable("this kernel has no uprobes (CONFIG_UPROBE_EVENTS is off)");
        }
    }
}
