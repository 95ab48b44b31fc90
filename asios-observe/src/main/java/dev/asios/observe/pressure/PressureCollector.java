package dev.asios.observe.pressure;

import dev.asios.host.parse.ByteText;
import dev.asios.host.parse.ParseException;
import dev.asios.host.sysroot.Sysroot;
import dev.asios.observe.collect.Availability;
import dev.asios.observe.kerneltext.CollectorPart;
import dev.asios.observe.kerneltext.KernelTextFile;
import dev.asios.observe.kerneltext.PartsCollector;
import dev.asios.observe.metric.MetricFamily;
import dev.asios.observe.metric.MetricRegistry;
import dev.asios.observe.metric.Series;
import java.util.ArrayList;
import java.util.List;

/**
 * Pressure-stall information for the whole host: {@code asios_pressure_stalled_seconds_total
 * {resource,kind}} from {@code /proc/pressure/cpu}, {@code memory} and {@code io}, kind
 * {@code some} (at least one task stalled) or {@code full} (all non-idle tasks stalled at once;
 * for {@code cpu} only from Linux 5.13, and always 0 at host level). The kernel counts in
 * microseconds.
 *
 * <p>The resources are decided at construction: a file that is missing or unreadable is skipped.
 * With none readable, PSI is off (a kernel without {@code CONFIG_PSI}, or booted with
 * {@code psi=0} or built with {@code CONFIG_PSI_DEFAULT_DISABLED}) and the collector is
 * unavailable. A file that fails in one collection does not stop the others. Once warm, a
 * collection allocates only what {@link Sysroot#readInto} costs per file.
 *
 * <p>Not thread-safe: one thread collects, the collector loop's (building it before the loop
 * starts is fine).
 */
public final class PressureCollector extends PartsCollector {

    /** The resources, as named in {@code /proc/pressure} and in the {@code resource} label. */
    static final String[] RESOURCES = {"cpu", "memory", "io"};

    private static final double MICROS_PER_SECOND = 1e6;

    /** Registers the family in {@code registry} and finds which resources this host reports. */
    public PressureCollector(Sysroot sysroot, MetricRegistry registry) {
        this(parts(sysroot, registry));
    }

    private PressureCollector(CollectorPart[] parts) {
        super("pressure", parts.length > 0 ? Availability.AVAILABLE : Availability.unavailable("PSI is not enabled in this kernel (boot with psi=1)"),
                parts);
    }

    private static CollectorPart[] parts(Sysroot sysroot, MetricRegistry registry) {
        MetricFamily family = registry.counter("asios_pressure_stalled_seconds",
                "Time in which some or all non-idle tasks were stalled waiting for the resource.", "seconds", "resource", "kind");
        ByteText buffer = new ByteText();
        PressureStalls stalls = new PressureStalls();
        List<CollectorPart> parts = new ArrayList<>();
        for (String resource : RESOURCES) {
            KernelTextFile file = new KernelTextFile(sysroot, "/proc/pressure/" + resource, buffer);
            if (readable(file, stalls, sysroot)) {
                parts.add(part(file, stalls, family.series(resource, "some"), family.series(resource, "full")));
            }
        }
        return parts.toArray(CollectorPart[]::new);
    }

    private static boolean readable(KernelTextFile file, PressureStalls stalls, Sysroot sysroot) {
        try {
            return file.readIfPresent(stalls);
        } catch (ParseException e) {
            sysroot.diagnostics().warn(file.path(), "not a pressure-stall file, left out: " + e.getMessage());
            return false;
        }
    }

    private static CollectorPart part(KernelTextFile file, PressureStalls stalls, Series some, Series full) {
        return () -> {
            file.readInto(stalls);
            some.set(stalls.someMicros() / MICROS_PER_SECOND);
            if (stalls.hasFull()) {
                full.set(stalls.fullMicros() / MICROS_PER_SECOND);
            }
        };
    }
}
