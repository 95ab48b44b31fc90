package dev.asios.observe.gpu;

import dev.asios.observe.metric.MetricFamily;
import dev.asios.observe.metric.MetricRegistry;

/**
 * The GPU metric families, registered once; every family has the labels {@code gpu} (the
 * driver's index) and {@code uuid} first. Thread-safe, as the registry is.
 */
final class GpuFamilies {

    final MetricFamily utilization;
    final MetricFamily memoryUtilization;
    final MetricFamily memoryUsed;
    final MetricFamily memoryTotal;
    final MetricFamily power;
    final MetricFamily smClock;
    final MetricFamily memoryClock;
    final MetricFamily temperature;
    final MetricFamily temperatureSlowdown;
    final MetricFamily throttle;
    final MetricFamily eccErrors;
    final MetricFamily xidEvents;
    final MetricFamily nvlinkTransmit;
    final MetricFamily nvlinkReceive;
    final MetricFamily info;

    GpuFamilies(MetricRegistry registry) {
        utilization = registry.gauge("asios_gpu_utilization_ratio",
                "Share of the latest sample period in which one or more kernels ran on the GPU.", "ratio", "gpu", "uuid");
        memoryUtilization = registry.gauge("asios_gpu_memory_utilization_ratio",
                "Share of the latest sample period in which GPU memory was read or written.", "ratio", "gpu", "uuid");
        memoryUsed = registry.gauge("asios_gpu_memory_used_bytes", "GPU memory in use, reserved by the driver included.", "bytes", "gpu", "uuid");
        memoryTotal = registry.gauge("asios_gpu_memory_total_bytes", "GPU memory installed.", "bytes", "gpu", "uuid");
        power = registry.gauge("asios_gpu_power_watts", "Power the GPU board draws.", "watts", "gpu", "uuid");
        smClock = registry.gauge("asios_gpu_sm_clock_hertz", "Current clock of the streaming multiprocessors.", "hertz", "gpu", "uuid");
        memoryClock = registry.gauge("asios_gpu_memory_clock_hertz", "Current clock of the GPU memory.", "hertz", "gpu", "uuid");
        temperature = registry.gauge("asios_gpu_temperature_celsius", "Temperature of the GPU die.", "celsius", "gpu", "uuid");
        temperatureSlowdown = registry.gauge("asios_gpu_temperature_slowdown_celsius",
                "Die temperature at which the GPU lowers its clocks to cool down (the driver's slowdown threshold).", "celsius", "gpu", "uuid");
        throttle = registry.gauge("asios_gpu_throttle_active",
                "1 while this reason holds the GPU clocks down, 0 otherwise.", null, "gpu", "uuid", "reason");
        eccErrors = registry.counter("asios_gpu_ecc_errors",
                "Memory ECC errors since the driver loaded (volatile count), by type.", null, "gpu", "uuid", "type");
        xidEvents = registry.counter("asios_gpu_xid_events",
                "Critical XID errors the driver reported since the agent started, by XID code.", null, "gpu", "uuid", "xid");
        nvlinkTransmit = registry.counter("asios_gpu_nvlink_transmit_bytes", "Data bytes sent over each active NVLink.", "bytes", "gpu", "uuid", "link");
        nvlinkReceive = registry.counter("asios_gpu_nvlink_receive_bytes", "Data bytes received over each active NVLink.", "bytes", "gpu", "uuid", "link");
        info = registry.gauge("asios_gpu_info", "1 for each GPU, with its name, the telemetry source and its PCI address (empty when not known).", null,
                "gpu", "uuid", "name", "source", "pci");
    }
}
