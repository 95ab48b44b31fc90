package dev.asios.observe.gpu;

import dev.asios.observe.metric.MetricFamily;
import dev.asios.observe.metric.Series;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The series of one GPU, created once when the GPU is found, set every collection. A reading this
 * GPU lacks stays {@link Double#NaN} and is not exposed. XID series are made on a code's first
 * event; NVLink series by {@link #nvlinks}. Not thread-safe: one collector writes.
 */
final class GpuSeries {

    private static final ThrottleReason[] REASONS = ThrottleReason.values();

    final Series utilization;
    final Series memoryUtilization;
    final Series memoryUsed;
    final Series memoryTotal;
    final Series power;
    final Series smClock;
    final Series memoryClock;
    final Series temperature;
    final Series temperatureSlowdown;
    final Series eccCorrected;
    final Series eccUncorrected;
    private final Series[] throttle = new Series[REASONS.length];
    private final GpuFamilies families;
    private final String gpu;
    private final String uuid;
    private final List<Series> all = new ArrayList<>();
    private final Map<Long, Series> xids = new HashMap<>();

    /**
     * The series of GPU {@code index} with {@code uuid} and {@code name}, read from {@code source},
     * at PCI address {@code pci} (empty when not known).
     */
    GpuSeries(GpuFamilies families, int index, String uuid, String name, String source, String pci) {
        this.families = families;
        this.gpu = Integer.toString(index);
        this.uuid = uuid;
        utilization = add(families.utilization);
        memoryUtilization = add(families.memoryUtilization);
        memoryUsed = add(families.memoryUsed);
        memoryTotal = add(families.memoryTotal);
        power = add(families.power);
        smClock = add(families.smClock);
        memoryClock = add(families.memoryClock);
        temperature = add(families.temperature);
        temperatureSlowdown = add(families.temperatureSlowdown);
        eccCorrected = add(families.eccErrors, "corrected");
        eccUncorrected = add(families.eccErrors, "uncorrected");
        for (ThrottleReason reason : REASONS) {
            throttle[reason.ordinal()] = add(families.throttle, reason.label());
        }
        add(families.info, name, source, pci).set(1);
    }

    /** The {@code gpu} label: the driver's index. */
    String index() {
        return gpu;
    }

    /** Sets every throttle reason series from {@code mask}. */
    void throttleReasons(long mask) {
        for (ThrottleReason reason : REASONS) {
            throttle[reason.ordinal()].set((mask & reason.bit()) != 0 ? 1 : 0);
        }
    }

    /** Leaves every throttle reason series without a value: the mask could not be read. */
    void throttleReasonsAbsent() {
        for (Series series : throttle) {
            series.set(Double.NaN);
        }
    }

    /** Counts one critical XID event with code {@code xid}; the series of a code starts at its first event. */
    void countXid(long xid) {
        Series series = xids.get(xid);
        if (series == null) {
            series = add(families.xidEvents, Long.toUnsignedString(xid));
            series.set(0);
            xids.put(xid, series);
        }
        series.set(series.value() + 1);
    }

    /** The transmit and receive series of each link in {@code links}, in that order: {@code [tx0, rx0, tx1, rx1, ...]}. */
    Series[] nvlinks(int[] links) {
        Series[] series = new Series[links.length * 2];
        for (int i = 0; i < links.length; i++) {
            series[2 * i] = add(families.nvlinkTransmit, Integer.toString(links[i]));
            series[2 * i + 1] = add(families.nvlinkReceive, Integer.toString(links[i]));
        }
        return series;
    }

    /** Removes every series of this GPU from its family: the GPU went away. */
    void remove() {
        for (Series series : all) {
            series.family().remove(series.labelValues());
        }
        all.clear();
        xids.clear();
    }

    private Series add(MetricFamily family, String... more) {
        String[] labels = new String[2 + more.length];
        labels[0] = gpu;
        labels[1] = uuid;
        System.arraycopy(more, 0, labels, 2, more.length);
        Series series = family.series(labels);
        all.add(series);
        return series;
    }
}
