package dev.asios.observe.memory;

import dev.asios.host.parse.ByteText;
import dev.asios.host.sysroot.Sysroot;
import dev.asios.observe.kerneltext.CollectorPart;
import dev.asios.observe.kerneltext.KernelTextFile;
import dev.asios.observe.metric.MetricFamily;
import dev.asios.observe.metric.MetricRegistry;
import dev.asios.observe.metric.Series;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Series set from chosen keys of one host-wide key-value file: the memory and swap gauges of
 * {@code /proc/meminfo}, and the swap, page-fault and transparent-hugepage counters of
 * {@code /proc/vmstat}. A key the file lacks leaves its series without a value. Not thread-safe.
 */
final class FieldsPart implements CollectorPart {

    static final String MEMINFO = "/proc/meminfo";
    static final String VMSTAT = "/proc/vmstat";

    private static final String THP_PREFIX = "thp_";

    private final KernelTextFile file;
    private final KernelFields fields;
    private final Series[] series;

    private FieldsPart(KernelTextFile file, KernelFields fields, Series[] series) {
        this.file = file;
        this.fields = fields;
        this.series = series;
    }

    /** The gauges of {@code /proc/meminfo}. */
    static FieldsPart meminfo(Sysroot sysroot, ByteText buffer, MetricRegistry registry) {
        return new FieldsPart(new KernelTextFile(sysroot, MEMINFO, buffer),
                new KernelFields(0, "MemTotal:", "MemAvailable:", "MemFree:", "Cached:", "SwapTotal:", "SwapFree:"), new Series[] {
                    registry.gauge("asios_memory_total_bytes", "Usable RAM: physical memory less what the kernel reserved at boot.", "bytes").series(),
                    registry.gauge("asios_memory_available_bytes", "Memory available for new work without swapping, as the kernel estimates it.",
                            "bytes").series(),
                    registry.gauge("asios_memory_free_bytes", "Memory not used for anything.", "bytes").series(),
                    registry.gauge("asios_memory_cached_bytes", "Page cache, shared memory and tmpfs included, buffers and swap cache not.",
                            "bytes").series(),
                    registry.gauge("asios_swap_total_bytes", "Swap space configured.", "bytes").series(),
                    registry.gauge("asios_swap_free_bytes", "Swap space not in use.", "bytes").series(),
                });
    }

    /**
     * The counters of {@code /proc/vmstat}. The THP events are the {@code thp_*} lines the kernel
     * has, found here (they differ between kernel versions and appear only with
     * {@code CONFIG_TRANSPARENT_HUGEPAGE}).
     */
    static FieldsPart vmstat(Sysroot sysroot, ByteText buffer, MetricRegistry registry) {
        List<String> keys = new ArrayList<>(List.of("pswpin", "pswpout", "pgfault", "pgmajfault"));
        List<Series> series = new ArrayList<>(List.of(
                registry.counter("asios_swap_in_pages", "Pages read in from swap since boot.", null).series(),
                registry.counter("asios_swap_out_pages", "Pages written out to swap since boot.", null).series(),
                registry.counter("asios_page_faults", "Page faults since boot, minor and major.", null).series(),
                registry.counter("asios_major_page_faults", "Page faults since boot that needed a read from disk.", null).series()));
        MetricFamily thp = registry.counter("asios_thp_events", "Transparent hugepage events since boot, by vmstat counter.", null, "event");
        for (String event : thpEvents(sysroot, buffer)) {
            keys.add(event);
            series.add(thp.series(event));
        }
        return new FieldsPart(new KernelTextFile(sysroot, VMSTAT, buffer), new KernelFields(0, keys.toArray(String[]::new)),
                series.toArray(Series[]::new));
    }

    // Format: "thp_fault_alloc 94927"
    private static List<String> thpEvents(Sysroot sysroot, ByteText buffer) {
        List<String> events = new ArrayList<>();
        if (sysroot.readInto(VMSTAT, buffer)) {
            while (buffer.nextLine()) {
                if (buffer.lineStartsWith(THP_PREFIX)) {
                    events.add(buffer.nextWord());
                }
            }
        }
        return events;
    }

    @Override
    public void collect() throws IOException {
        file.readInto(fields);
        for (int i = 0; i < series.length; i++) {
            if (fields.has(i)) {
                series[i].set(fields.value(i));
            }
        }
    }
}
