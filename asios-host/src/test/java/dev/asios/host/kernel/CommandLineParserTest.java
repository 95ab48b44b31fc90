package dev.asios.host.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asios.host.kernel.KernelCommandLine.Parameter;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CommandLineParserTest {

    @Test
    void splitsFlagsAndValuesInOrder() {
        KernelCommandLine line = CommandLineParser.parse("BOOT_IMAGE=/boot/vmlinuz-6.8.0 root=UUID=ab-cd ro quiet splash isolcpus=2-3\n");
        assertThat(line.parameters()).containsExactly(
                new Parameter("BOOT_IMAGE", Optional.of("/boot/vmlinuz-6.8.0")),
                new Parameter("root", Optional.of("UUID=ab-cd")),
                new Parameter("ro", Optional.empty()),
                new Parameter("quiet", Optional.empty()),
                new Parameter("splash", Optional.empty()),
                new Parameter("isolcpus", Optional.of("2-3")));
        assertThat(line.initArguments()).isEmpty();
        assertThat(line.has("quiet")).isTrue();
        assertThat(line.value("quiet")).isEmpty();
        assertThat(line.value("root")).contains("UUID=ab-cd");
        assertThat(line.has("nohz_full")).isFalse();
    }

    @Test
    void removesQuotesAsTheKernelDoes() {
        KernelCommandLine line = CommandLineParser.parse("dyndbg=\"file foo.c +p\" \"acpi_osi=Windows 2020\" empty= bare=\"open ended");
        assertThat(line.value("dyndbg")).contains("file foo.c +p");
        assertThat(line.value("acpi_osi")).contains("Windows 2020");
        assertThat(line.value("empty")).contains("");
        assertThat(line.value("bare")).contains("open ended");
        assertThat(line.parameters()).hasSize(4);
    }

    @Test
    void keepsRepeatedKeysAndTheLastWins() {
        KernelCommandLine line = CommandLineParser.parse("console=tty0 console=ttyS0,115200 console");
        assertThat(line.values("console")).containsExactly("tty0", "ttyS0,115200");
        assertThat(line.value("console")).contains("ttyS0,115200");
        assertThat(line.parameters()).hasSize(3);
    }

    @Test
    void treatsDashAndUnderscoreAlike() {
        KernelCommandLine line = CommandLineParser.parse("nohz-full=4-7 rcu_nocbs");
        assertThat(line.value("nohz_full")).contains("4-7");
        assertThat(line.has("rcu-nocbs")).isTrue();
    }

    @Test
    void handsEverythingAfterDoubleDashToInit() {
        KernelCommandLine line = CommandLineParser.parse("console=ttyS0 quiet -- --firecracker-init --addr 0.0.0.0:2024");
        assertThat(line.parameters()).extracting(Parameter::name).containsExactly("console", "quiet");
        assertThat(line.initArguments()).containsExactly("--firecracker-init", "--addr", "0.0.0.0:2024");
        assertThat(line.has("--addr")).isFalse();
    }

    @Test
    void acceptsEmptyOddlySpacedAndGarbledText() {
        assertThat(CommandLineParser.parse("").parameters()).isEmpty();
        assertThat(CommandLineParser.parse(" \t\n ").parameters()).isEmpty();
        assertThat(CommandLineParser.parse("  a=1\t\tb  ").parameters()).extracting(Parameter::name).containsExactly("a", "b");
        assertThat(CommandLineParser.parse("=x == \"").parameters()).extracting(Parameter::name).containsExactly("=x", "==");
        assertThat(CommandLineParser.parse("a \"b c=d").parameters()).extracting(Parameter::name).containsExactly("a", "b c");
        assertThat(CommandLineParser.parse("--").initArguments()).isEmpty();
        assertThat(CommandLineParser.parse("a=\"").value("a")).contains("");
    }
}
