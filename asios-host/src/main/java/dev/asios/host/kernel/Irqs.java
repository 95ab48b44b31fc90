package dev.asios.host.kernel;

import dev.asios.host.parse.CpuSet;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Interrupt counts and placement. Immutable.
 *
 * @param interrupts {@code /proc/interrupts}, absent when missing or garbled
 * @param affinities the affinity of each numbered IRQ of {@code interrupts}, by IRQ number; an IRQ
 *     whose {@code /proc/irq/N} folder is missing has no entry
 * @param defaultAffinity {@code /proc/irq/default_smp_affinity}: the CPUs new IRQs start on
 */
public record Irqs(Optional<Interrupts> interrupts, Map<Integer, IrqAffinity> affinities, Optional<CpuSet> defaultAffinity) {

    /** Creates an immutable copy, sorted by IRQ number. */
    public Irqs {
        affinities = Collections.unmodifiableMap(new TreeMap<>(affinities));
    }
}
