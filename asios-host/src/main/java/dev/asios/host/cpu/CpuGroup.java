package dev.asios.host.cpu;

import dev.asios.host.parse.CpuSet;
import java.util.OptionalInt;

/**
 * A set of online CPUs that share one piece of hardware: a package (socket), a die, a cluster or
 * a core.
 *
 * @param id the kernel's id for it ({@code physical_package_id}, {@code die_id},
 *     {@code cluster_id}, {@code core_id}), absent when the kernel does not show one; ids are
 *     unique only within their parent (two packages may each have a core 0)
 * @param cpus the online CPUs in it, never empty
 */
public record CpuGroup(OptionalInt id, CpuSet cpus) {
}
