package dev.asios.run.launch;

import dev.asios.host.parse.CpuSet;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * What a run's cgroup limits. Absent values keep the kernel's defaults. Immutable.
 *
 * @param cpus the CPUs ({@code cpuset.cpus})
 * @param memoryNodes the memory nodes ({@code cpuset.mems})
 * @param memoryBytes the memory limit in bytes ({@code memory.max}, v1 {@code memory.limit_in_bytes})
 * @param cpuWeight the CPU weight, 1 to 10000, default 100 ({@code cpu.weight}; v1 {@code cpu.shares} = weight * 1024 / 100)
 * @param ioWeight the I/O weight, 1 to 10000, default 100 ({@code io.weight}; v1 {@code blkio.weight}, 10 to 1000, = weight * 5)
 * @param pidsMax the most tasks ({@code pids.max})
 */
public record CgroupLimits(CpuSet cpus, CpuSet memoryNodes, OptionalLong memoryBytes, OptionalInt cpuWeight, OptionalInt ioWeight,
        OptionalInt pidsMax) {
}
