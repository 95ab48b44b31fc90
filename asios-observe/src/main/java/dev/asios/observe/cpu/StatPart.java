package dev.asios.observe.cpu;

import dev.asios.host.parse.ByteText;
import dev.asios.host.sysroot.Sysroot;
import dev.asios.observe.kerneltext.IndexedSeries;
import dev.asios.observe.kerneltext.KernelTextFile;
import dev.asios.observe.metric.MetricRegistry;
import dev.asios.observe.metric.Series;
import java.io.IOException;

/**
 * The metrics of {@code /proc/stat}, and the online CPUs it lists, which the other parts follow.
 * Not thread-safe.
 */
final class StatPart extends PerCpuPart<ProcStat> {

    static final String PATH = "/proc/stat";

    /**
     * Ticks per second of the times in {@code /proc/stat}: {@code USER_HZ}, which is 100 on every
     * architecture Linux supports but Alpha, whatever the kernel's internal {@code HZ}.
     */
    static final double USER_HZ = 100;

    private final Series contextSwitches;
    private final Series forks;
    private final Series procsRunning;
    private final Series procsBlocked;
    private final CpuIds online = new CpuIds();
    private long onlineChanges;

    StatPart(Sysroot sysroot, ByteText buffer, MetricRegistry registry) {
        super(new KernelTextFile(sysroot, PATH, buffer), new ProcStat(), new IndexedSeries(registry.counter("asios_cpu_seconds",
                "Time each CPU spent in each mode (guest time is part of user and nice).", "seconds", "cpu", "mode"), ProcStat.MODES));
        this.contextSwitches = registry.counter("asios_context_switches", "Context switches on all CPUs since boot.", null).series();
        this.forks = registry.counter("asios_forks", "Processes and threads created since boot.", null).series();
        this.procsRunning = registry.gauge("asios_procs_running", "Tasks runnable now, running or waiting for a CPU.", null).series();
        this.procsBlocked = registry.gauge("asios_procs_blocked", "Tasks blocked now waiting for I/O.", null).series();
    }

    @Override
    public void collect() throws IOException {
        super.collect();
        contextSwitches.set(sample.contextSwitches());
        forks.set(sample.forks());
        procsRunning.set(sample.procsRunning());
        procsBlocked.set(sample.procsBlocked());
        if (!online.sameAs(sample.cpus())) {
            online.copyFrom(sample.cpus());
            onlineChanges++;
        }
    }

    @Override
    CpuIds cpus() {
        return sample.cpus();
    }

    @Override
    void update(int index, int cpu, Series[] modes) {
        for (int mode = 0; mode < modes.length; mode++) {
            advance(modes[mode], sample.ticks(index, mode) / USER_HZ);
        }
    }

    /**
     * Sets a counter unless the kernel's value went back: on tickless kernels the idle and iowait
     * times of a CPU can step back a little, which Prometheus would take for a counter reset.
     */
    private static void advance(Series counter, double value) {
        if (!(value < counter.value())) {
            counter.set(value);
        }
    }

    /** The online CPUs of the last successful reading. */
    CpuIds online() {
        return online;
    }

    /** How many times the online CPUs changed; 1 after the first successful reading. */
    long onlineChanges() {
        return onlineChanges;
    }
}
