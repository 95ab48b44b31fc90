package dev.asios.observe.gpu;

import java.io.Serial;

/**
 * GPU telemetry could not be read: NVML returned an error, {@code nvidia-smi} failed, timed out
 * or printed what the parser cannot read. The message names the function or command, the GPU
 * where one is concerned, and NVML's or the tool's own words, for example
 * {@code GPU 0 nvmlDeviceGetPowerUsage: Insufficient Permissions (NVML error 4)}.
 */
public final class GpuTelemetryException extends Exception {

    @Serial
    private static final long serialVersionUID = 1L;

    /** A failure, as {@code message}. */
    public GpuTelemetryException(String message) {
        super(message);
    }
}
