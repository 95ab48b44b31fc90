package dev.asios.observe.ebpf;

import dev.asios.host.sysroot.Sysroot;
import dev.asios.observe.metric.MetricRegistry;
import dev.asios.observe.runs.TrackedRuns;
import java.util.List;

/**
 * The parts of the kernel probe, built on the scripts shipped with ASIOS: run-queue latency, block
 * I/O latency, page faults per process and CPU migrations per tracked run. Each registers its
 * metric families when built.
 */
public final class KernelParts {

    private KernelParts() {
    }

    /** All kernel parts, in script order. */
    public static List<ProbePart> all(Sysroot sysroot, MetricRegistry registry, TrackedRuns runs, int topProcesses) {
        return List.of(runQueue(registry), blockIo(sysroot, registry), new PageFaultsPart(sysroot, registry, topProcesses),
                new CpuMigrationsPart(sysroot, registry, runs));
    }

    /** Run-queue latency per CPU, {@code asios_runqueue_latency_seconds{cpu}}. */
    public static ProbePart runQueue(MetricRegistry registry) {
        return new LatencyPart("runqueue", ProbeScript.resource("runqueue.bt"),
                List.of(new ProbeRequirement.Tracepoint("sched", "sched_wakeup"), new ProbeRequirement.Tracepoint("sched", "sched_wakeup_new"),
                        new ProbeRequirement.Tracepoint("sched", "sched_switch")),
                new LatencyPart.Maps("@runq_us", "@runq_ns_sum", "@runq_wake"),
                registry.histogram("asios_runqueue_latency_seconds", "Time runnable tasks waited on a CPU's run queue before they ran.", "seconds",
                        LatencyPart.MICROSECONDS.upperBounds(), "cpu"),
                cpu -> cpu);
    }

    /** Block I/O latency per device, {@code asios_block_io_latency_seconds{device}}. */
    public static ProbePart blockIo(Sysroot sysroot, MetricRegistry registry) {
        BlockDeviceNames names = new BlockDeviceNames(sysroot);
        return new LatencyPart("block_io", ProbeScript.resource("block_io.bt"),
                List.of(new ProbeRequirement.Tracepoint("block", "block_rq_issue"), new ProbeRequirement.Tracepoint("block", "block_rq_complete")),
                new LatencyPart.Maps("@bio_us", "@bio_ns_sum", "@bio_start"),
                registry.histogram("asios_block_io_latency_seconds", "Time block I/O requests took from issue to the device to completion.",
                        "seconds", LatencyPart.MICROSECONDS.upperBounds(), "device"),
                names::name);
    }
}
