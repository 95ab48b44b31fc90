package dev.asios.observe.cpu;

import dev.asios.host.parse.ByteText;
import dev.asios.host.sysroot.Sysroot;
import dev.asios.observe.kerneltext.IndexedSeries;
import dev.asios.observe.kerneltext.KernelTextFile;
import dev.asios.observe.metric.MetricRegistry;
import dev.asios.observe.metric.Series;

/**
 * {@code asios_cpu_runqueue_wait_seconds_total{cpu}}: the time tasks waited on each CPU's run
 * queue ({@code run_delay} of {@code /proc/schedstat}). Not thread-safe.
 */
final class RunQueuePart extends PerCpuPart<Schedstat> {

    static final String PATH = "/proc/schedstat";

    private static final double NANOS_PER_SECOND = 1e9;

    RunQueuePart(Sysroot sysroot, ByteText buffer, MetricRegistry registry) {
        super(new KernelTextFile(sysroot, PATH, buffer), new Schedstat(), new IndexedSeries(registry.counter("asios_cpu_runqueue_wait_seconds",
                "Time tasks spent runnable but waiting for each CPU.", "seconds", "cpu")));
    }

    @Override
    CpuIds cpus() {
        return sample.cpus();
    }

    @Override
    void update(int index, int cpu, Series[] series) {
        series[0].set(sample.runDelayNs(index) / NANOS_PER_SECOND);
    }
}
