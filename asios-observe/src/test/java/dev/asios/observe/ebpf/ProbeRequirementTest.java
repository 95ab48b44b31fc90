package dev.asios.observe.ebpf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asios.host.sysroot.SysfsTree;
import dev.asios.observe.collect.Availability;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProbeRequirementTest {

    @Test
    void aTracepointNeedsTracefsAndTheEvent(@TempDir Path root) {
        SysfsTree tree = new SysfsTree(root).folder("/sys/kernel/tracing");
        ProbeRequirement switches = new ProbeRequirement.Tracepoint("sched", "sched_switch");

        assertThat(switches.check(tree.sysroot()).reason()).startsWith("tracefs is not mounted").contains("mount -t tracefs nodev /sys/kernel/tracing");
        tree.folder("/sys/kernel/tracing/events/block/block_rq_issue");
        assertThat(switches.check(tree.sysroot()).reason()).isEqualTo("this kernel has no tracepoint sched:sched_switch");
        tree.folder("/sys/kernel/debug/tracing/events/sched/sched_switch");
        assertThat(switches.check(tree.sysroot())).isEqualTo(Availability.AVAILABLE);
    }

    @Test
    void perfEventsAndUprobesNeedTheirKernelSupport(@TempDir Path root) {
        SysfsTree tree = new SysfsTree(root).folder("/sys").folder("/proc");
        ProbeRequirement uprobe = new ProbeRequirement.Uprobe("/usr/lib/x86_64-linux-gnu/libcuda.so.1");

        assertThat(new ProbeRequirement.PerfEvents().check(tree.sysroot()).reason()).contains("CONFIG_PERF_EVENTS");
        assertThat(uprobe.check(tree.sysroot()).reason()).isEqualTo("/usr/lib/x86_64-linux-gnu/libcuda.so.1 is gone");
        tree.file("/usr/lib/x86_64-linux-gnu/libcuda.so.1", "ELF");
        assertThat(uprobe.check(tree.sysroot()).reason()).contains("CONFIG_UPROBE_EVENTS");
        tree.folder("/sys/bus/event_source/devices/uprobe").file("/proc/sys/kernel/perf_event_paranoid", "2\n");
        assertThat(uprobe.check(tree.sysroot())).isEqualTo(Availability.AVAILABLE);
        assertThat(new ProbeRequirement.PerfEvents().check(tree.sysroot())).isEqualTo(Availability.AVAILABLE);
    }
}
