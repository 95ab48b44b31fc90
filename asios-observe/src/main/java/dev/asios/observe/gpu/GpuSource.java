package dev.asios.observe.gpu;

/**
 * Where the GPU collector reads from, chosen once at start: NVML, or {@code nvidia-smi}. A source
 * found its GPUs and made their series when it was opened. Not thread-safe: the collector calls
 * it from one thread at a time.
 */
interface GpuSource extends AutoCloseable {

    /** The {@code source} label: {@code nvml} or {@code nvidia-smi}. */
    String name();

    /**
     * Reads every GPU once and sets its series; a reading the GPU lacks is left without a value.
     *
     * @throws GpuTelemetryException naming what failed; the readings that worked are set
     */
    void collect() throws GpuTelemetryException;

    /**
     * Releases the source (NVML: {@code nvmlShutdown}), completely even when a step fails.
     *
     * @throws GpuTelemetryException naming the steps that failed
     */
    @Override
    void close() throws GpuTelemetryException;
}
