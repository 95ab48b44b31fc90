package dev.asios.observe.disk;

import dev.asios.host.parse.ByteText;
import dev.asios.host.sysroot.Sysroot;
import dev.asios.observe.collect.Column;
import dev.asios.observe.collect.KernelTableCollector;
import dev.asios.observe.collect.SeriesRow;
import dev.asios.observe.collect.TableLayout;
import dev.asios.observe.metric.MetricFamily;
import dev.asios.observe.metric.MetricRegistry;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Block I/O of the whole disks, from {@code /proc/diskstats}: the counters of every field the
 * kernel has (discards since Linux 4.18, flushes since 5.5; a family without its field shows no
 * series), labelled {@code device}. See {@link DiskField} for the names and units.
 *
 * <p>Whole disks are the names under {@code /sys/block} (partitions are not there), less the
 * devices that are not disks: {@code loop*} (their I/O goes to a file and is counted again on
 * the disk that holds it), {@code ram*} and {@code zram*} (memory). Stacked devices
 * ({@code dm-*}, {@code md*}) are kept, so their I/O also shows on their member disks.
 *
 * <p>A disk that appears gets its series at the next collection and one that disappears loses
 * them: the collector notices any change in the file's list of devices and reads
 * {@code /sys/block} again only then. Otherwise a collection allocates nothing but what opening
 * the file costs. Called from the collector loop's one thread.
 */
public final class DiskCollector extends KernelTableCollector {

    static final String DISKSTATS = "/proc/diskstats";
    static final String BLOCK = "/sys/block";

    /** Devices under /sys/block that are not disks: file-backed loop devices and RAM disks. */
    private static final Pattern NOT_A_DISK = Pattern.compile("(loop|ram|zram)\\d+");

    private final List<MetricFamily> families;
    private final long[] counters = new long[DiskStatsParser.WITH_FLUSHES];

    /** Registers the disk families in {@code registry}; reads nothing yet. */
    public DiskCollector(Sysroot sysroot, MetricRegistry registry) {
        super(sysroot, DISKSTATS);
        this.families = Column.registerAll(registry, Arrays.stream(DiskField.values()).map(DiskField::column).toList(), "device");
    }

    @Override
    public String name() {
        return "disk";
    }

    @Override
    protected void toFirstDataLine(ByteText text) {
        text.rewind();
    }

    @Override
    protected void toName(ByteText line) {
        DiskStatsParser.skipDeviceNumbers(line);
    }

    @Override
    protected void publish(ByteText line, SeriesRow row) {
        int count = DiskStatsParser.counters(line, counters);
        for (DiskField field : DiskField.FIELDS) {
            int i = field.ordinal();
            row.set(i, i < count ? counters[i] / field.perUnit() : Double.NaN);
        }
    }

    @Override
    protected void relayout(ByteText text, TableLayout layout) {
        Set<String> disks = sysroot().list(BLOCK).stream().filter(name -> !NOT_A_DISK.matcher(name).matches()).collect(Collectors.toSet());
        layout.relayout(DiskStatsParser.deviceNames(text),
                (line, name, existing) -> !disks.contains(name) ? null : existing != null ? existing : new SeriesRow(families, name));
    }
}
