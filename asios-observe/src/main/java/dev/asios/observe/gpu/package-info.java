/**
 * GPU telemetry: the {@link dev.asios.observe.gpu.GpuCollector}, which reads NVIDIA GPUs through
 * NVML bound with FFM ({@code libnvidia-ml.so.1}) or, failing that, {@code nvidia-smi} in query
 * mode, and says why when it can do neither.
 */
package dev.asios.observe.gpu;
