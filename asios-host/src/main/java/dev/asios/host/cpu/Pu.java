package dev.asios.host.cpu;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * A processing unit (hardware thread, logical CPU) as the kernel numbers it.
 *
 * @param osIndex the kernel's CPU number ({@code cpuN})
 * @param online whether the CPU is online; offline CPUs carry no topology
 * @param packageId {@code physical_package_id}, when the kernel shows it
 * @param coreId {@code core_id}, when the kernel shows it
 * @param coreType the hybrid core type ({@code intel_core}, {@code intel_atom}, an ARM capacity
 *     class), when the host has more than one kind of core
 */
public record Pu(int osIndex, boolean online, OptionalInt packageId, OptionalInt coreId, Optional<String> coreType) {
}
