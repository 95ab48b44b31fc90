package dev.asios.host.kernel;

/**
 * One active swap area from {@code /proc/swaps}. Immutable.
 *
 * @param filename the device or file, with the kernel's octal escapes ({@code \040}) decoded
 * @param type {@code partition} or {@code file}
 * @param sizeBytes the size of the area
 * @param usedBytes how much of it is in use
 * @param priority the swap priority; higher is used first, negative values are the kernel's defaults
 */
public record SwapDevice(String filename, String type, long sizeBytes, long usedBytes, int priority) {
}
