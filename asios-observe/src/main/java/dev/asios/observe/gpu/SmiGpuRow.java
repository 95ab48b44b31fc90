package dev.asios.observe.gpu;

import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * One GPU as {@code nvidia-smi --query-gpu} printed it, in base units. A field that
 * {@code nvidia-smi} printed as {@code [N/A]}, {@code [Not Supported]} or another bracketed
 * remark is empty.
 *
 * @param index the driver's index, 0 or more
 * @param uuid the GPU's UUID, such as {@code GPU-6d0f5b46-...}
 * @param name the product name, such as {@code NVIDIA H100 80GB HBM3}
 * @param utilizationRatio share of time kernels ran, 0..1
 * @param memoryUtilizationRatio share of time memory was read or written, 0..1
 * @param memoryUsedBytes memory in use
 * @param memoryTotalBytes memory installed
 * @param powerWatts board power draw
 * @param smClockHertz streaming multiprocessor clock
 * @param memoryClockHertz memory clock
 * @param temperatureCelsius die temperature
 * @param throttleReasons the active clock throttle reasons, as NVML's bit mask
 * @param eccCorrected corrected ECC errors since the driver loaded
 * @param eccUncorrected uncorrected ECC errors since the driver loaded
 * @param pciAddress the PCI address as sysfs names it ({@code 0000:3b:00.0}); empty when not printed
 */
record SmiGpuRow(
        int index,
        String uuid,
        String name,
        OptionalDouble utilizationRatio,
        OptionalDouble memoryUtilizationRatio,
        OptionalLong memoryUsedBytes,
        OptionalLong memoryTotalBytes,
        OptionalDouble powerWatts,
        OptionalLong smClockHertz,
        OptionalLong memoryClockHertz,
        OptionalDouble temperatureCelsius,
        OptionalLong throttleReasons,
        OptionalLong eccCorrected,
        OptionalLong eccUncorrected,
        String pciAddress) {
}
