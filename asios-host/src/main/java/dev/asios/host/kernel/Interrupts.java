package dev.asios.host.kernel;

import java.util.List;

/**
 * The parsed {@code /proc/interrupts}: counts per CPU for each interrupt source. Immutable.
 *
 * @param cpus the CPU of each count column, from the header ({@code CPU0 CPU1 ...}); only online
 *     CPUs have a column, so numbers can have gaps
 * @param lines the rows, in file order
 */
public record Interrupts(List<Integer> cpus, List<InterruptLine> lines) {

    /** Creates an immutable copy. */
    public Interrupts {
        cpus = List.copyOf(cpus);
        lines = List.copyOf(lines);
    }
}
