package dev.asios.host.kernel;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One row of {@code /proc/interrupts}. Immutable.
 *
 * @param id the row's name: an IRQ number ({@code 24}) or an architecture counter ({@code NMI},
 *     {@code LOC}, {@code ERR}, {@code IPI0})
 * @param counts interrupts handled, one per column of {@link Interrupts#cpus()}; a single count for
 *     a machine-wide counter such as {@code ERR} or {@code MIS}
 * @param chip for numbered IRQs, the interrupt controller ({@code IO-APIC}, {@code PCI-MSIX-0000:00:01.0},
 *     {@code GICv3}); absent for named rows or when the row has no text
 * @param actions for numbered IRQs, the handlers' names ({@code nvme0q1}, {@code mlx5_comp0});
 *     empty when none is shown
 * @param description the text after the counts with runs of white space made single
 *     ({@code IO-APIC 5-edge ACPI:Ged}, {@code Local timer interrupts})
 */
public record InterruptLine(String id, List<Long> counts, Optional<String> chip, List<String> actions, String description) {

    /** Creates an immutable copy. */
    public InterruptLine {
        counts = List.copyOf(counts);
        actions = List.copyOf(actions);
    }

    /** The IRQ number for a numbered row; empty for named counters. */
    public OptionalInt irq() {
        return KernelText.isDigits(id) && id.length() < 10 ? OptionalInt.of(Integer.parseInt(id)) : OptionalInt.empty();
    }

    /** The sum of all counts. */
    public long total() {
        return counts.stream().mapToLong(Long::longValue).sum();
    }
}
