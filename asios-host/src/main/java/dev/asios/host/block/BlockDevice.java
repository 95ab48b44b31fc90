package dev.asios.host.block;

import dev.asios.host.pci.PciAddress;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One block device of {@code /sys/block}: a whole disk, not a partition. Values the kernel does
 * not show are absent, never defaulted. Immutable.
 *
 * @param name the kernel's name, for example {@code nvme0n1} or {@code sda}
 * @param sizeBytes the capacity in bytes
 * @param rotational true for a spinning disk, false for flash and memory
 * @param scheduler the I/O scheduler, active and available
 * @param requestQueueDepth the most requests the queue holds ({@code queue/nr_requests})
 * @param readAheadKib the read-ahead window in KiB ({@code queue/read_ahead_kb})
 * @param model the drive's model string, when the device has one
 * @param removable true for removable media (optical drives, card readers)
 * @param virtual true for devices without their own hardware: loop, RAM disks, zram,
 *     device-mapper, software RAID, network block devices and anything else under
 *     {@code /sys/devices/virtual} (an NVMe multipath namespace is a real drive, not virtual)
 * @param pciAddress the PCI function of the controller the device hangs off
 */
public record BlockDevice(
        String name,
        OptionalLong sizeBytes,
        Optional<Boolean> rotational,
        Optional<IoScheduler> scheduler,
        OptionalLong requestQueueDepth,
        OptionalLong readAheadKib,
        Optional<String> model,
        Optional<Boolean> removable,
        boolean virtual,
        Optional<PciAddress> pciAddress) {
}
