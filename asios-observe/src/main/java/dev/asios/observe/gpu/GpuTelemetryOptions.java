package dev.asios.observe.gpu;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the GPU collector looks for its sources.
 *
 * @param nvmlLibrary the NVML library file to load; empty for {@code libnvidia-ml.so.1} through
 *     the system loader's search, as in production
 * @param searchPath the folders, colon-separated, in which to look for {@code nvidia-smi} (and
 *     for {@code amd-smi} and {@code xpu-smi}, to name them when they are there)
 * @param commandTimeout how long one {@code nvidia-smi} run may take, 100 ms to 60 s
 */
public record GpuTelemetryOptions(Optional<Path> nvmlLibrary, String searchPath, Duration commandTimeout) {

    /** The time a {@code nvidia-smi} run may take by default. */
    public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofSeconds(5);

    /**
     * Checks the options.
     *
     * @throws IllegalArgumentException if the timeout is outside 100 ms to 60 s
     */
    public GpuTelemetryOptions {
        Objects.requireNonNull(nvmlLibrary, "nvmlLibrary");
        Objects.requireNonNull(searchPath, "searchPath");
        if (commandTimeout.compareTo(Duration.ofMillis(100)) < 0 || commandTimeout.compareTo(Duration.ofSeconds(60)) > 0) {
            throw new IllegalArgumentException("GPU command timeout " + commandTimeout.toMillis() + " ms is outside 100 ms .. 60 s");
        }
    }

    /** Production: NVML by soname, {@code nvidia-smi} on this process's {@code PATH}, the default timeout. */
    public static GpuTelemetryOptions system() {
        return new GpuTelemetryOptions(Optional.empty(), Optional.ofNullable(System.getenv("PATH")).orElse(""), DEFAULT_COMMAND_TIMEOUT);
    }

    /** The search path as the messages name it: {@code PATH} in production. */
    String searchPathName() {
        return searchPath.equals(Optional.ofNullable(System.getenv("PATH")).orElse("")) ? "PATH" : "the search path '" + searchPath + "'";
    }
}
