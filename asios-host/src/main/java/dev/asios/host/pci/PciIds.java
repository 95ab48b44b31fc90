package dev.asios.host.pci;

import java.util.OptionalInt;

/**
 * The identity of a PCI function: who made it and which product it is. Each id is 16 bits and
 * absent when its sysfs file is missing or unreadable. Immutable.
 *
 * @param vendorId the vendor, for example 0x10de for NVIDIA
 * @param deviceId the product, for example 0x2330 for an H100 SXM
 * @param subsystemVendorId the vendor of the board the chip is on
 * @param subsystemDeviceId the board model
 */
public record PciIds(OptionalInt vendorId, OptionalInt deviceId, OptionalInt subsystemVendorId, OptionalInt subsystemDeviceId) {
}
