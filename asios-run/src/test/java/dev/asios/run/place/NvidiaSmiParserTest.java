package dev.asios.run.place;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asios.host.parse.ParseException;
import dev.asios.host.pci.PciAddress;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NvidiaSmiParserTest {

    @Test
    void readsTheNvlinkPairsOfAnEightGpuMatrix() {
        assertThat(NvidiaSmiParser.parseNvlinks(EightGpuServer.TOPO)).containsExactly(
                new NvlinkCount(0, 2, 4), new NvlinkCount(1, 3, 8), new NvlinkCount(4, 6, 4), new NvlinkCount(5, 7, 8));
    }

    @Test
    void readsAnOlderMatrixWithDeviceNamedNicColumnsAndTerminalEscapes() {
        String text = "\u001B[4m\tGPU0\tGPU1\tmlx4_0\tCPU Affinity\u001B[0m\n"
                + "GPU0\t X \tNV2\tSOC\t0-9,20-29\n"
                + "GPU1\tNV2\t X \tPHB\t0-9,20-29\n"
                + "mlx4_0\tSOC\tPHB\t X \t\n";

        assertThat(NvidiaSmiParser.parseNvlinks(text)).containsExactly(new NvlinkCount(0, 1, 2));
    }

    @Test
    void aSingleGpuHasNoPairs() {
        assertThat(NvidiaSmiParser.parseNvlinks("\tGPU0\tCPU Affinity\tNUMA Affinity\tGPU NUMA ID\nGPU0\t X \t0-63\t0\t\tN/A\n")).isEmpty();
    }

    @Test
    void refusesGarbledMatrices() {
        assertThatThrownBy(() -> NvidiaSmiParser.parseNvlinks("No devices were found\n"))
                .isInstanceOf(ParseException.class).hasMessageContaining("no header with GPU0");
        assertThatThrownBy(() -> NvidiaSmiParser.parseNvlinks("\tGPU0\tGPU1\nGPU0\t X \tFAST\nGPU1\tFAST\t X \n"))
                .isInstanceOf(ParseException.class).hasMessageContaining("cell 'FAST' of GPU0/GPU1");
        assertThatThrownBy(() -> NvidiaSmiParser.parseNvlinks("\tGPU0\tGPU1\nGPU0\t X \nGPU1\tPIX\t X \n"))
                .isInstanceOf(ParseException.class).hasMessageContaining("has 1 cells for 2 columns");
        assertThatThrownBy(() -> NvidiaSmiParser.parseNvlinks("\tGPU0\tGPU1\nGPU0\t X \tNV4\nGPU1\tPIX\t X \n"))
                .isInstanceOf(ParseException.class).hasMessageContaining("GPU1/GPU0 says PIX but the other cell of the pair says NV4");
        assertThatThrownBy(() -> NvidiaSmiParser.parseNvlinks("\tGPU0\tGPU1\nGPU0\t X \tPIX\nGPU0\t X \tPIX\n"))
                .isInstanceOf(ParseException.class).hasMessageContaining("row GPU0 is repeated");
        assertThatThrownBy(() -> NvidiaSmiParser.parseNvlinks("\tGPU0\tGPU1\nGPU7\t X \tPIX\n"))
                .isInstanceOf(ParseException.class).hasMessageContaining("not a column of the header");
    }

    @Test
    void readsBusIdsWithEightDigitDomainsInAnyOrder() {
        assertThat(NvidiaSmiParser.parseBusIds("1, 00000000:18:00.0\n0, 00000000:3B:00.0\n\n")).isEqualTo(Map.of(
                0, PciAddress.parse("0000:3b:00.0"), 1, PciAddress.parse("0000:18:00.0")));
        assertThat(NvidiaSmiParser.parseBusIds("")).isEmpty();
    }

    @Test
    void refusesGarbledBusIds() {
        assertThatThrownBy(() -> NvidiaSmiParser.parseBusIds("0 00000000:18:00.0\n")).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> NvidiaSmiParser.parseBusIds("0, 18:00.0\n")).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> NvidiaSmiParser.parseBusIds("0, 00000000:18:00.0\n0, 00000000:19:00.0\n"))
                .isInstanceOf(ParseException.class).hasMessageContaining("appears twice");
    }

    @Test
    void linksAreKeyedByAddressThroughTheBusIdsNotByIndex() {
        String topo = "\tGPU0\tGPU1\tGPU2\nGPU0\t X \tNV6\tPIX\nGPU1\tNV6\t X \tPIX\nGPU2\tPIX\tPIX\t X \n";
        String busIds = "0, 00000000:3B:00.0\n1, 00000000:18:00.0\n2, 00000000:19:00.0\n";

        GpuLinks links = GpuLinks.fromNvidiaSmi(topo, busIds);

        assertThat(links.between(PciAddress.parse("0000:18:00.0"), PciAddress.parse("0000:3b:00.0"))).isEqualTo(6);
        assertThat(links.between(PciAddress.parse("0000:18:00.0"), PciAddress.parse("0000:19:00.0"))).isZero();
        assertThat(links.unknownReason()).isEmpty();
        assertThatThrownBy(() -> GpuLinks.fromNvidiaSmi(topo, "0, 00000000:3B:00.0\n"))
                .isInstanceOf(ParseException.class).hasMessageContaining("GPU1 of nvidia-smi topo -m has no bus id");
    }
}
