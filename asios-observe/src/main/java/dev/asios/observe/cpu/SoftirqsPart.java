package dev.asios.observe.cpu;

import dev.asios.host.parse.ByteText;
import dev.asios.host.sysroot.Sysroot;
import dev.asios.observe.kerneltext.IndexedSeries;
import dev.asios.observe.kerneltext.KernelTextFile;
import dev.asios.observe.metric.MetricRegistry;
import dev.asios.observe.metric.Series;

/**
 * {@code asios_cpu_softirqs_total{cpu,type}} from {@code /proc/softirqs}, for every possible CPU
 * (the file keeps the columns of offline CPUs). Not thread-safe.
 */
final class SoftirqsPart extends PerCpuPart<SoftirqCounts> {

    static final String PATH = "/proc/softirqs";

    SoftirqsPart(Sysroot sysroot, ByteText buffer, MetricRegistry registry) {
        super(new KernelTextFile(sysroot, PATH, buffer), new SoftirqCounts(), new IndexedSeries(registry.counter("asios_cpu_softirqs",
                "Software interrupts run on each CPU, by type.", null, "cpu", "type"), SoftirqCounts.TYPES));
    }

    @Override
    CpuIds cpus() {
        return sample.columns();
    }

    @Override
    void update(int index, int cpu, Series[] types) {
        for (int type = 0; type < types.length; type++) {
            if (sample.hasType(type)) {
                types[type].set(sample.count(index, type));
            }
        }
    }
}
