package dev.asios.health.adapt;

import dev.asios.host.block.BlockAttributeParser;
import dev.asios.host.block.IoScheduler;
import dev.asios.host.sysroot.Sysroot;
import dev.asios.host.sysroot.SysrootValues;
import java.util.Optional;

/**
 * What the heuristics need of a block device's request queue, read from
 * {@code /sys/block/NAME/queue}. Immutable.
 *
 * @param name the kernel's name: {@code nvme0n1}, {@code vda}, {@code sda}
 * @param deviceClass what kind of device it is
 * @param scheduler the active scheduler and those the queue lists
 * @param readAheadKib the read-ahead window in KiB
 */
record DeviceQueue(String name, DeviceClass deviceClass, IoScheduler scheduler, long readAheadKib) {

    /** What kind of device, as far as scheduling goes. */
    enum DeviceClass {
        /** An NVMe namespace: many deep hardware queues, microsecond latency. */
        NVME,
        /** A virtio disk: the host below schedules again; its {@code rotational} flag says nothing. */
        VIRTIO,
        /** Other non-rotational storage (SATA or SAS flash, eMMC). */
        FLASH,
        /** A spinning disk: seeks cost milliseconds, so ordering requests pays. */
        ROTATIONAL;

        /** Whether reordering requests gains little: every class but rotational. */
        boolean fast() {
            return this != ROTATIONAL;
        }
    }

    /**
     * The queue of {@code name}, or empty when a file the heuristics need is missing or garbled
     * (a device that went away, a queue without a scheduler file).
     */
    static Optional<DeviceQueue> read(Sysroot sysroot, String name) {
        SysrootValues values = new SysrootValues(sysroot);
        String queue = "/sys/block/" + name + "/queue/";
        Optional<IoScheduler> scheduler = values.parsed(queue + "scheduler", BlockAttributeParser::parseScheduler);
        Optional<Boolean> rotational = values.parsed(queue + "rotational", BlockAttributeParser::parseFlag);
        var readAhead = values.longValue(queue + "read_ahead_kb");
        if (scheduler.isEmpty() || rotational.isEmpty() || readAhead.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new DeviceQueue(name, classOf(sysroot, name, rotational.get()), scheduler.get(), readAhead.getAsLong()));
    }

    // The driver link: /sys/block/vda/device/driver -> ../../../../bus/virtio/drivers/virtio_blk
    private static DeviceClass classOf(Sysroot sysroot, String name, boolean rotational) {
        if (name.startsWith("nvme")) {
            return DeviceClass.NVME;
        }
        if (sysroot.readLink("/sys/block/" + name + "/device/driver").filter(target -> target.endsWith("/virtio_blk")).isPresent()) {
            return DeviceClass.VIRTIO;
        }
        return rotational ? DeviceClass.ROTATIONAL : DeviceClass.FLASH;
    }

    /** Whether the queue lists {@code scheduler} and it is not the active one. */
    boolean canSwitchTo(String schedulerName) {
        return scheduler.available().contains(schedulerName) && !scheduler.active().equals(schedulerName);
    }
}
