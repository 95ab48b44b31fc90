package dev.asios.host.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asios.host.parse.ParseException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InterruptsParserTest {

    /** As on this project's 2-vCPU Firecracker VM (kernel 6.18), shortened. */
    private static final String X86_VM = """
                       CPU0       CPU1      \s
              24:          1          0  IO-APIC   5-edge      ACPI:Ged
              28:          0          0 PCI-MSIX-0000:00:01.0   0-edge      virtio0-config
              36:          0      21278 PCI-MSIX-0000:00:02.0   1-edge      virtio1-req.0
             NMI:          0          0   Non-maskable interrupts
             LOC:      17687      20378   Local timer interrupts
             ERR:          0
             MIS:          0
             PIN:          0          0   Posted-interrupt notification event
            """;

    @Test
    void readsNumberedAndNamedRows() {
        Interrupts table = InterruptsParser.parse(X86_VM);
        assertThat(table.cpus()).containsExactly(0, 1);
        assertThat(table.lines()).extracting(InterruptLine::id).containsExactly("24", "28", "36", "NMI", "LOC", "ERR", "MIS", "PIN");
        InterruptLine ged = table.lines().getFirst();
        assertThat(ged.irq()).isEqualTo(OptionalInt.of(24));
        assertThat(ged.counts()).containsExactly(1L, 0L);
        assertThat(ged.chip()).contains("IO-APIC");
        assertThat(ged.actions()).containsExactly("ACPI:Ged");
        assertThat(ged.description()).isEqualTo("IO-APIC 5-edge ACPI:Ged");
        assertThat(table.lines().get(2).chip()).contains("PCI-MSIX-0000:00:02.0");
        assertThat(table.lines().get(2).actions()).containsExactly("virtio1-req.0");
        InterruptLine local = table.lines().get(4);
        assertThat(local.irq()).isEmpty();
        assertThat(local.chip()).isEmpty();
        assertThat(local.total()).isEqualTo(17687 + 20378);
        assertThat(local.description()).isEqualTo("Local timer interrupts");
        assertThat(table.lines().get(5).counts()).containsExactly(0L);
    }

    @Test
    void readsSharedHandlersGapsInCpuColumnsAndArmTriggers() {
        String text = """
                           CPU0       CPU2
                  16:        100         50   IO-APIC  16-fasteoi   ehci_hcd:usb1, i801_smbus
                  11:          0          0     GICv3  30 Level     arch_timer
                  12:          0          0     GICv3  31 Level
                   0:         46          0   IO-APIC-edge      timer
                   9:          0          0   IO-APIC   9-fasteoi
                IPI0:       5036       4720       Rescheduling interrupts
                """;
        Interrupts table = InterruptsParser.parse(text);
        assertThat(table.cpus()).containsExactly(0, 2);
        assertThat(table.lines()).extracting(InterruptLine::actions).containsExactly(
                List.of("ehci_hcd:usb1", "i801_smbus"), List.of("arch_timer"), List.of(), List.of("timer"), List.of(), List.of());
        assertThat(table.lines().get(1).chip()).isEqualTo(Optional.of("GICv3"));
    }

    @Test
    void aRowWithOnlyCountsHasNoText() {
        InterruptLine line = InterruptsParser.parse("CPU0\n 5: 7\n").lines().getFirst();
        assertThat(line.chip()).isEmpty();
        assertThat(line.actions()).isEmpty();
        assertThat(line.description()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "\n", " 24: 1 0 IO-APIC\n", "CPUx CPU1\n", "CPU0 CPU1 CPU2\n 24: 1 0 IO-APIC 5-edge x",
            "CPU0 CPU1\n 24 1 0 IO-APIC", "CPU0 CPU1\n: 1 0 x", "CPU0 CPU1\nLOC:\n", "CPU0 CPU1\n 7: 99999999999999999999 0 x",
            "CPU0 CPU1\nN M I: 0 0 x", "CPU99999999999\n"})
    void rejectsGarbledOrTruncatedTables(String text) {
        assertThatThrownBy(() -> InterruptsParser.parse(text)).isInstanceOf(ParseException.class);
    }
}
