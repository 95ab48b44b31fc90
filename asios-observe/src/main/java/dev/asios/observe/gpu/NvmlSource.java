package dev.asios.observe.gpu;

import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * GPU telemetry through NVML: {@code nvmlInit_v2} and the GPUs found when opened, every reading
 * of every GPU and the XID events on each {@link #collect()}, {@code nvmlShutdown} and unloading
 * the library on {@link #close()}. After warm-up a collection allocates nothing on the heap unless something
 * fails. Not thread-safe.
 */
final class NvmlSource implements GpuSource {

    private final Nvml nvml;
    private final List<NvmlDevice> devices;
    private final NvmlXidEvents xids;
    private final NvmlFailures failures;

    private NvmlSource(Nvml nvml, List<NvmlDevice> devices, NvmlXidEvents xids, NvmlFailures failures) {
        this.nvml = nvml;
        this.devices = devices;
        this.xids = xids;
        this.failures = failures;
    }

    /**
     * Loads NVML ({@code library} when given, else by soname), initializes it and opens every GPU.
     * Problems that leave a GPU watched but a reading missing (an event set NVML refused) are
     * reported by the first {@link #collect()}.
     *
     * @throws GpuTelemetryException if the library does not load or initialize, or counts no GPU it
     *     can open (one it cannot open is left out and named by the first collection)
     */
    static NvmlSource open(Optional<Path> library, GpuFamilies families) throws GpuTelemetryException {
        Nvml nvml = Nvml.load(library);
        int initialized = nvml.init.call();
        if (initialized != NvmlReturn.SUCCESS) {
            String reason = nvml.errorText(initialized);
            nvml.close();
            throw new GpuTelemetryException(nvml.init.name() + " failed: " + reason);
        }
        try {
            NvmlFailures failures = new NvmlFailures(nvml);
            List<NvmlDevice> devices = devices(nvml, families, failures);
            return new NvmlSource(nvml, devices, NvmlXidEvents.open(nvml, devices, failures), failures);
        } catch (GpuTelemetryException | RuntimeException | Error e) {
            // Already failing: that failure is the one to report, not how the shutdown went.
            nvml.shutdown.call();
            nvml.close();
            throw e;
        }
    }

    private static List<NvmlDevice> devices(Nvml nvml, GpuFamilies families, NvmlFailures failures) throws GpuTelemetryException {
        MemorySegment count = nvml.arena().allocate(JAVA_INT);
        int code = nvml.deviceCount.call(count);
        if (code != NvmlReturn.SUCCESS) {
            throw new GpuTelemetryException(nvml.deviceCount.name() + ": " + nvml.errorText(code));
        }
        int gpus = count.get(JAVA_INT, 0);
        if (gpus <= 0) {
            throw new GpuTelemetryException("NVML loads but counts no GPU");
        }
        List<NvmlDevice> devices = new ArrayList<>();
        List<String> lost = new ArrayList<>();
        for (int index = 0; index < gpus; index++) {
            try {
                devices.add(NvmlDevice.open(nvml, index, families, failures));
            } catch (GpuTelemetryException e) {
                // A GPU that fell off the bus must not hide the others.
                lost.add(e.getMessage());
                failures.note(e.getMessage() + "; this GPU is left out");
            }
        }
        if (devices.isEmpty()) {
            throw new GpuTelemetryException("NVML counts " + gpus + " GPUs but opens none: " + String.join("; ", lost));
        }
        return List.copyOf(devices);
    }

    @Override
    public String name() {
        return "nvml";
    }

    @Override
    public void collect() throws GpuTelemetryException {
        for (int i = 0; i < devices.size(); i++) {
            devices.get(i).collect(nvml, failures);
        }
        xids.drain(nvml, failures);
        failures.throwIfAny();
    }

    @Override
    public void close() throws GpuTelemetryException {
        try {
            xids.close(nvml, failures);
            failures.ok(nvml.shutdown.call(), nvml.shutdown, NvmlFailures.NO_GPU);
        } finally {
            nvml.close();
        }
        failures.throwIfAny();
    }
}
