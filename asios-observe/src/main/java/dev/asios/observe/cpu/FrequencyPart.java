package dev.asios.observe.cpu;

import dev.asios.host.parse.ByteText;
import dev.asios.host.parse.ParseException;
import dev.asios.host.sysroot.Sysroot;
import dev.asios.observe.kerneltext.CollectorPart;
import dev.asios.observe.kerneltext.IndexedSeries;
import dev.asios.observe.kerneltext.KernelTextFile;
import dev.asios.observe.kerneltext.SingleNumber;
import dev.asios.observe.metric.MetricRegistry;
import java.util.Arrays;

/**
 * {@code asios_cpu_frequency_hertz{cpu}} from {@code cpuN/cpufreq/scaling_cur_freq} (kHz), for
 * each online CPU that has the file and a number in it. Virtual machines usually have no cpufreq
 * driver and so no series. The CPUs with the file are found again whenever the online CPUs of
 * {@code /proc/stat} change. Not thread-safe.
 */
final class FrequencyPart implements CollectorPart {

    private static final double HERTZ_PER_KILOHERTZ = 1000;

    private final Sysroot sysroot;
    private final ByteText buffer;
    private final StatPart stat;
    private final IndexedSeries perCpu;
    private final SingleNumber kilohertz = new SingleNumber();
    private int[] cpus = new int[0];
    private KernelTextFile[] files = new KernelTextFile[0];
    private long seenOnlineChanges;

    FrequencyPart(Sysroot sysroot, ByteText buffer, StatPart stat, MetricRegistry registry) {
        this.sysroot = sysroot;
        this.buffer = buffer;
        this.stat = stat;
        this.perCpu = new IndexedSeries(registry.gauge("asios_cpu_frequency_hertz", "Current clock frequency of each CPU as cpufreq reports it.",
                "hertz", "cpu"));
    }

    private static String path(int cpu) {
        return "/sys/devices/system/cpu/cpu" + cpu + "/cpufreq/scaling_cur_freq";
    }

    @Override
    public void collect() {
        if (stat.onlineChanges() != seenOnlineChanges) {
            seenOnlineChanges = stat.onlineChanges();
            discover(stat.online());
        }
        perCpu.beginRound();
        for (int i = 0; i < files.length; i++) {
            if (files[i].readIfPresent(kilohertz)) {
                perCpu.one(cpus[i]).set(kilohertz.value() * HERTZ_PER_KILOHERTZ);
            }
        }
        perCpu.endRound();
    }

    private void discover(CpuIds online) {
        int[] found = new int[online.count()];
        KernelTextFile[] foundFiles = new KernelTextFile[online.count()];
        int count = 0;
        for (int index = 0; index < online.count(); index++) {
            KernelTextFile file = new KernelTextFile(sysroot, path(online.cpu(index)), buffer);
            try {
                if (file.readIfPresent(kilohertz)) {
                    found[count] = online.cpu(index);
                    foundFiles[count++] = file;
                }
            } catch (ParseException e) {
                sysroot.diagnostics().warn(file.path(), "holds no frequency in kHz, so the CPU's frequency is not collected");
            }
        }
        cpus = Arrays.copyOf(found, count);
        files = Arrays.copyOf(foundFiles, count);
    }
}
