package dev.asios.host.kernel;

import dev.asios.host.parse.CpuSet;
import java.util.Optional;

/**
 * Which CPUs the kernel keeps quiet for latency-critical work: what is in effect (sysfs) and what
 * was asked for at boot. An empty set means the file or parameter is there and names no CPU; an
 * absence means it is not there (kernel built without the feature, parameter not given).
 * Immutable.
 *
 * @param isolated {@code /sys/devices/system/cpu/isolated}: CPUs out of scheduler domains
 * @param nohzFull {@code /sys/devices/system/cpu/nohz_full}: CPUs without the periodic tick
 * @param bootIsolcpus {@code isolcpus=} on the command line
 * @param bootNohzFull {@code nohz_full=} on the command line
 * @param bootRcuNocbs {@code rcu_nocbs=} on the command line (present without a value: empty set)
 * @param bootIrqAffinity {@code irqaffinity=}: the default CPUs for interrupts
 */
public record Isolation(
        Optional<CpuSet> isolated,
        Optional<CpuSet> nohzFull,
        Optional<IsolcpusParameter> bootIsolcpus,
        Optional<CpuSet> bootNohzFull,
        Optional<CpuSet> bootRcuNocbs,
        Optional<CpuSet> bootIrqAffinity) {
}
