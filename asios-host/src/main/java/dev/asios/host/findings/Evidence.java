package dev.asios.host.findings;

/**
 * One fact a finding rests on: what was read where.
 *
 * @param path the file (or command) it came from, for example {@code /proc/sys/kernel/numa_balancing}
 * @param value what it said, as read (trimmed)
 */
public record Evidence(String path, String value) {
}
