package dev.asios.host.cpu;

import dev.asios.host.parse.CpuSet;

/**
 * One cache instance.
 *
 * @param level 1 for L1, 2 for L2, …
 * @param type data, instruction or unified
 * @param sizeBytes capacity in bytes; 0 when the kernel reports none
 * @param lineSizeBytes coherency line size in bytes; 0 when unknown
 * @param ways associativity; 0 when unknown or fully associative
 * @param cpus the online CPUs that share this instance
 */
public record Cache(int level, CacheType type, long sizeBytes, int lineSizeBytes, int ways, CpuSet cpus) {
}
