package dev.asios.host.kernel;

import dev.asios.host.parse.CpuSet;
import java.util.Optional;

/**
 * Where one IRQ may and does run ({@code /proc/irq/N/}). Immutable.
 *
 * @param allowed the CPUs the IRQ may be delivered to: {@code smp_affinity_list}, else the
 *     {@code smp_affinity} mask
 * @param effective the CPUs it is actually delivered to: {@code effective_affinity_list}, else the
 *     {@code effective_affinity} mask; usually one CPU on x86
 */
public record IrqAffinity(Optional<CpuSet> allowed, Optional<CpuSet> effective) {
}
