package dev.asios.observe.cpu;

import dev.asios.host.parse.ByteText;
import dev.asios.host.sysroot.Sysroot;
import dev.asios.observe.kerneltext.IndexedSeries;
import dev.asios.observe.kerneltext.KernelTextFile;
import dev.asios.observe.metric.MetricRegistry;
import dev.asios.observe.metric.Series;
import java.util.Arrays;

/**
 * {@code asios_cpu_interrupts_total{cpu}}: the interrupts each CPU handled, summed over the rows
 * of {@code /proc/interrupts}. A row disappears when its driver frees the interrupt, which would
 * make the sum fall; so the counter starts at the first sum and then adds only increases of the
 * sum: it never goes down, and the growth of the other rows in the one interval a row vanished is
 * lost. Not thread-safe.
 */
final class InterruptsPart extends PerCpuPart<InterruptCounts> {

    static final String PATH = "/proc/interrupts";

    private long[] lastSumByCpu = new long[16];

    InterruptsPart(Sysroot sysroot, ByteText buffer, MetricRegistry registry) {
        super(new KernelTextFile(sysroot, PATH, buffer), new InterruptCounts(), new IndexedSeries(registry.counter("asios_cpu_interrupts",
                "Hardware and IPI interrupts handled by each CPU.", null, "cpu")));
    }

    @Override
    CpuIds cpus() {
        return sample.columns();
    }

    @Override
    void update(int index, int cpu, Series[] series) {
        if (cpu >= lastSumByCpu.length) {
            lastSumByCpu = Arrays.copyOf(lastSumByCpu, Math.max(cpu + 1, lastSumByCpu.length * 2));
        }
        long sum = sample.sum(index);
        double previous = series[0].value();
        series[0].set(Double.isNaN(previous) ? sum : previous + Math.max(0, sum - lastSumByCpu[cpu]));
        lastSumByCpu[cpu] = sum;
    }
}
