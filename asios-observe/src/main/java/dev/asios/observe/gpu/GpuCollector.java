package dev.asios.observe.gpu;

import dev.asios.observe.tool.BoundedTool;
import dev.asios.observe.collect.Availability;
import dev.asios.observe.collect.Collector;
import dev.asios.observe.metric.MetricRegistry;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The GPU collector: utilization, memory, power, clocks, temperature, throttle reasons, ECC and
 * XID errors and NVLink traffic of every NVIDIA GPU, labelled {@code gpu} (the driver's index) and
 * {@code uuid}. Its source is chosen once, when opened: NVML ({@code libnvidia-ml.so.1} through
 * FFM) where it loads and initializes, else {@code nvidia-smi} in query mode where it is on the
 * search path and answers, else none: then {@link #availability()} says why, naming both
 * attempts (and AMD's {@code amd-smi} or Intel's {@code xpu-smi}, which are not supported yet).
 *
 * <p>Families: {@code asios_gpu_utilization_ratio}, {@code asios_gpu_memory_utilization_ratio},
 * {@code asios_gpu_memory_used_bytes}, {@code asios_gpu_memory_total_bytes},
 * {@code asios_gpu_power_watts}, {@code asios_gpu_sm_clock_hertz},
 * {@code asios_gpu_memory_clock_hertz}, {@code asios_gpu_temperature_celsius},
 * {@code asios_gpu_temperature_slowdown_celsius} (NVML only),
 * {@code asios_gpu_throttle_active{reason}}, {@code asios_gpu_ecc_errors_total{type}},
 * {@code asios_gpu_xid_events_total{xid}} (NVML only), {@code asios_gpu_nvlink_transmit_bytes_total}
 * and {@code _receive_} {@code {link}} (NVML only) and {@code asios_gpu_info{name,source}}. A
 * reading a GPU does not support has no series.
 *
 * <p>On NVML a collection allocates nothing on the heap after warm-up unless a call fails; on
 * {@code nvidia-smi} it starts a process. Thread-safe: collections and {@link #close()} are
 * serialized.
 */
public final class GpuCollector implements Collector, AutoCloseable {

    private final Optional<GpuSource> source;
    private final Availability availability;
    private boolean closed;

    private GpuCollector(Optional<GpuSource> source, Availability availability) {
        this.source = source;
        this.availability = availability;
    }

    /** Opens the collector on this host: NVML by soname, {@code nvidia-smi} on {@code PATH}. */
    public static GpuCollector open(MetricRegistry registry) {
        return open(registry, GpuTelemetryOptions.system());
    }

    /**
     * Registers the GPU families in {@code registry} and chooses the source as {@code options}
     * say; never throws for a host without GPUs, whose collector is unavailable with the reason.
     */
    public static GpuCollector open(MetricRegistry registry, GpuTelemetryOptions options) {
        GpuFamilies families = new GpuFamilies(registry);
        String nvmlProblem;
        try {
            return new GpuCollector(Optional.of(NvmlSource.open(options.nvmlLibrary(), families)), Availability.AVAILABLE);
        } catch (GpuTelemetryException e) {
            nvmlProblem = e.getMessage();
        }
        Optional<Path> smi = BoundedTool.onSearchPath(SmiSource.COMMAND, options.searchPath());
        String smiProblem = SmiSource.COMMAND + " is not on " + options.searchPathName();
        if (smi.isPresent()) {
            SmiSource smiSource = new SmiSource(new BoundedTool(smi.get(), options.commandTimeout()), families);
            try {
                smiSource.collect();
                return new GpuCollector(Optional.of(smiSource), Availability.AVAILABLE);
            } catch (GpuTelemetryException e) {
                smiProblem = e.getMessage();
            }
        }
        return new GpuCollector(Optional.empty(), Availability.unavailable("no NVIDIA GPU telemetry: " + nvmlProblem + ", and " + smiProblem
                + "; " + otherVendors(options)));
    }

    private static String otherVendors(GpuTelemetryOptions options) {
        boolean amd = BoundedTool.onSearchPath("amd-smi", options.searchPath()).isPresent();
        boolean intel = BoundedTool.onSearchPath("xpu-smi", options.searchPath()).isPresent();
        if (amd || intel) {
            return (amd && intel ? "amd-smi and xpu-smi are" : amd ? "amd-smi is" : "xpu-smi is") + " on " + options.searchPathName()
                    + ", but AMD and Intel GPUs are not supported yet";
        }
        return "AMD (amd-smi) and Intel (xpu-smi) GPUs are not supported yet";
    }

    @Override
    public String name() {
        return "gpu";
    }

    @Override
    public Availability availability() {
        return availability;
    }

    /** The chosen source: {@code nvml} or {@code nvidia-smi}; empty when unavailable. */
    public Optional<String> source() {
        return source.map(GpuSource::name);
    }

    /**
     * Reads every GPU once.
     *
     * @throws GpuTelemetryException naming every reading that failed (the others are set), or
     *     when the collector is unavailable or closed
     */
    @Override
    public synchronized void collect() throws GpuTelemetryException {
        if (closed || source.isEmpty()) {
            throw new GpuTelemetryException(closed ? "the GPU collector is closed" : availability.reason());
        }
        source.get().collect();
    }

    /**
     * Releases the source ({@code nvmlShutdown} and unloading NVML); later collections fail.
     * Idempotent.
     *
     * @throws GpuTelemetryException if NVML refused a step of the shutdown (the library is
     *     unloaded all the same)
     */
    @Override
    public synchronized void close() throws GpuTelemetryException {
        if (!closed) {
            closed = true;
            if (source.isPresent()) {
                source.get().close();
            }
        }
    }
}
