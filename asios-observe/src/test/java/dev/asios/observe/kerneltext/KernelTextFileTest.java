package dev.asios.observe.kerneltext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asios.host.parse.ByteText;
import dev.asios.host.parse.ParseException;
import dev.asios.host.sysroot.SysfsTree;
import dev.asios.host.sysroot.Sysroot;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KernelTextFileTest {

    @Test
    void readsAndParsesAFileAndNamesItInErrors(@TempDir Path root) throws IOException {
        Sysroot sysroot = new SysfsTree(root).file("/sys/a/freq", "2400000\n").file("/sys/a/bad", "<unknown>\n").sysroot();
        ByteText buffer = new ByteText();
        SingleNumber number = new SingleNumber();
        new KernelTextFile(sysroot, "/sys/a/freq", buffer).readInto(number);
        assertThat(number.value()).isEqualTo(2_400_000);
        assertThat(new KernelTextFile(sysroot, "/sys/a/missing", buffer).readIfPresent(number)).isFalse();
        assertThat(number.value()).isEqualTo(2_400_000);
        assertThatThrownBy(() -> new KernelTextFile(sysroot, "/sys/a/missing", buffer).readInto(number)).isInstanceOf(IOException.class)
                .hasMessage("/sys/a/missing is missing or unreadable");
        assertThatThrownBy(() -> new KernelTextFile(sysroot, "/sys/a/bad", buffer).readInto(number)).isInstanceOf(ParseException.class)
                .hasMessageStartingWith("/sys/a/bad: ").hasMessageContaining("<unknown>");
    }

    @Test
    void aSingleNumberIsOneIntegerAlone() {
        SingleNumber number = new SingleNumber();
        number.parse(ByteText.of("  17 \n"));
        assertThat(number.value()).isEqualTo(17);
        assertThatThrownBy(() -> number.parse(ByteText.of(""))).isInstanceOf(ParseException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> number.parse(ByteText.of("\n"))).hasMessageContaining("empty");
        assertThatThrownBy(() -> number.parse(ByteText.of("1 2\n"))).hasMessageContaining("found more in line '1 2'");
    }
}
