package dev.asios.observe.cpu;

import dev.asios.observe.kerneltext.CollectorPart;
import dev.asios.observe.kerneltext.IndexedSeries;
import dev.asios.observe.kerneltext.KernelTextFile;
import dev.asios.observe.kerneltext.TextSample;
import dev.asios.observe.metric.Series;
import java.io.IOException;

/**
 * A part that reads one file with a row or column per CPU and sets one family's series per CPU:
 * CPUs that appear get series, CPUs no longer in the file lose theirs. Not thread-safe.
 *
 * @param <S> the sample the file is parsed into
 */
abstract class PerCpuPart<S extends TextSample> implements CollectorPart {

    private final KernelTextFile file;
    private final IndexedSeries perCpu;
    /** The last reading; valid in {@link #update} and after a successful {@link #collect()}. */
    final S sample;

    PerCpuPart(KernelTextFile file, S sample, IndexedSeries perCpu) {
        this.file = file;
        this.sample = sample;
        this.perCpu = perCpu;
    }

    @Override
    public void collect() throws IOException {
        file.readInto(sample);
        CpuIds cpus = cpus();
        perCpu.beginRound();
        for (int index = 0; index < cpus.count(); index++) {
            update(index, cpus.cpu(index), perCpu.of(cpus.cpu(index)));
        }
        perCpu.endRound();
    }

    /** The CPUs of the sample just read. */
    abstract CpuIds cpus();

    /** Sets the series of the CPU at {@code index} of {@link #cpus()}, which is {@code cpu}. */
    abstract void update(int index, int cpu, Series[] series);
}
