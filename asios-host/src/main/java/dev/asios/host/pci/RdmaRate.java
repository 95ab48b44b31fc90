package dev.asios.host.pci;

/**
 * The signalling rate of an RDMA port. Immutable.
 *
 * @param gbPerSec the rate in gigabits per second, for example 100.0
 * @param detail the width and generation the kernel names, for example {@code 4X EDR}; empty if none
 */
public record RdmaRate(double gbPerSec, String detail) {
}
