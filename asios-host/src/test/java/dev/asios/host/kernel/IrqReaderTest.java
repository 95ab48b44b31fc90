package dev.asios.host.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asios.host.parse.CpuSet;
import dev.asios.host.sysroot.SysrootValues;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IrqReaderTest {

    private static final String TABLE = """
                       CPU0       CPU1
              24:          1          0  IO-APIC   5-edge      ACPI:Ged
              25:          0          1  IO-APIC   6-edge      ACPI:Ged
              26:          0         13  IO-APIC   4-edge      ttyS0
             LOC:      17687      20378   Local timer interrupts
            """;

    @Test
    void readsListsThenMasksAndSkipsIrqsWithoutFolders(@TempDir Path root) {
        SysrootValues values = KernelTrees.empty(root)
                .file("/proc/interrupts", TABLE)
                .file("/proc/irq/24/smp_affinity_list", "0-1\n")
                .file("/proc/irq/24/effective_affinity_list", "0\n")
                .file("/proc/irq/25/smp_affinity", "2\n")
                .file("/proc/irq/25/effective_affinity", "00000002\n")
                .file("/proc/irq/default_smp_affinity", "3\n")
                .values();
        Irqs irqs = new IrqReader(values).read();
        assertThat(irqs.interrupts().orElseThrow().lines()).hasSize(4);
        assertThat(irqs.affinities()).containsOnlyKeys(24, 25);
        assertThat(irqs.affinities().get(24)).isEqualTo(new IrqAffinity(Optional.of(CpuSet.of(0, 1)), Optional.of(CpuSet.of(0))));
        assertThat(irqs.affinities().get(25)).isEqualTo(new IrqAffinity(Optional.of(CpuSet.of(1)), Optional.of(CpuSet.of(1))));
        assertThat(irqs.defaultAffinity()).contains(CpuSet.of(0, 1));
        assertThat(values.sysroot().diagnostics().warnings()).isEmpty();
    }

    @Test
    void aFolderWithoutAffinityFilesHasEmptyAffinities(@TempDir Path root) {
        SysrootValues values = KernelTrees.empty(root).file("/proc/interrupts", TABLE).folder("/proc/irq/26").values();
        Irqs irqs = new IrqReader(values).read();
        assertThat(irqs.affinities()).containsEntry(26, new IrqAffinity(Optional.empty(), Optional.empty()));
        assertThat(irqs.defaultAffinity()).isEmpty();
    }

    @Test
    void garbledAffinityIsAWarning(@TempDir Path root) {
        SysrootValues values = KernelTrees.empty(root)
                .file("/proc/interrupts", TABLE).file("/proc/irq/24/smp_affinity_list", "zero\n")
                .values();
        assertThat(new IrqReader(values).read().affinities().get(24).allowed()).isEmpty();
        assertThat(values.sysroot().diagnostics().warnings()).extracting(w -> w.path()).containsExactly("/proc/irq/24/smp_affinity_list");
    }
}
