package dev.asios.run.place;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asios.host.pci.PciAddress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the reader against stand-in {@code nvidia-smi} scripts in a test folder, never the real one. */
class NvidiaSmiLinkReaderTest {

    @Test
    void withoutNvidiaSmiTheLinksAreUnknownWithTheReason(@TempDir Path empty) {
        GpuLinks links = new NvidiaSmiLinkReader(empty.toString(), Duration.ofSeconds(10)).read();

        assertThat(links.nvlinks()).isEmpty();
        assertThat(links.unknownReason()).hasValue("nvidia-smi is not on the search path");
    }

    @Test
    void readsBothOutputsOfNvidiaSmi(@TempDir Path bin) throws IOException {
        Files.writeString(bin.resolve("topo.txt"), EightGpuServer.TOPO);
        Files.writeString(bin.resolve("bus-ids.txt"), EightGpuServer.BUS_IDS);
        script(bin, "if [ \"$1\" = topo ]; then cat '" + bin.resolve("topo.txt") + "'; else cat '" + bin.resolve("bus-ids.txt") + "'; fi");

        GpuLinks links = new NvidiaSmiLinkReader("/nonexistent:" + bin, Duration.ofSeconds(10)).read();

        assertThat(links).isEqualTo(EightGpuServer.links());
        assertThat(links.between(PciAddress.parse("0000:19:00.0"), PciAddress.parse("0000:3b:00.0"))).isEqualTo(8);
    }

    @Test
    void aFailingNvidiaSmiGivesItsFirstLine(@TempDir Path bin) throws IOException {
        script(bin, "echo 'NVIDIA-SMI has failed because it could not communicate with the NVIDIA driver.'; echo more; exit 9");

        assertThat(new NvidiaSmiLinkReader(bin.toString(), Duration.ofSeconds(10)).read().unknownReason())
                .hasValue("nvidia-smi topo -m exited 9: NVIDIA-SMI has failed because it could not communicate with the NVIDIA driver.");
    }

    @Test
    void aHangingNvidiaSmiIsStoppedAtTheTimeout(@TempDir Path bin) throws IOException {
        script(bin, "exec sleep 30");

        assertThat(new NvidiaSmiLinkReader(bin.toString(), Duration.ofMillis(300)).read().unknownReason())
                .hasValue("nvidia-smi topo -m did not finish in 300 ms");
    }

    @Test
    void garbledOutputGivesTheParseError(@TempDir Path bin) throws IOException {
        script(bin, "echo 'No devices were found'");

        assertThat(new NvidiaSmiLinkReader(bin.toString(), Duration.ofSeconds(10)).read().unknownReason())
                .hasValueSatisfying(reason -> assertThat(reason).contains("no header with GPU0"));
    }

    private static void script(Path bin, String body) throws IOException {
        Path script = bin.resolve("nvidia-smi");
        Files.writeString(script, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
