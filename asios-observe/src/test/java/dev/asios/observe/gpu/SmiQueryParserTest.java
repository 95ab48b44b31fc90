package dev.asios.observe.gpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asios.host.parse.ParseException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class SmiQueryParserTest {

    private static String resource(String name) throws Exception {
        try (InputStream in = SmiQueryParserTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void readsEveryFieldInBaseUnits() throws Exception {
        List<SmiGpuRow> rows = SmiQueryParser.parse(resource("nvidia-smi-query-two-gpus.csv"));

        assertThat(rows).hasSize(2);
        SmiGpuRow h100 = rows.getFirst();
        assertThat(h100.index()).isZero();
        assertThat(h100.uuid()).isEqualTo("GPU-6d0f5b46-1f8a-4c0e-9a34-7ea2f1c0aa01");
        assertThat(h100.name()).isEqualTo("NVIDIA H100 80GB HBM3");
        assertThat(h100.utilizationRatio()).isEqualTo(OptionalDouble.of(0.45));
        assertThat(h100.memoryUtilizationRatio()).isEqualTo(OptionalDouble.of(0.30));
        assertThat(h100.memoryUsedBytes()).isEqualTo(OptionalLong.of(20480L << 20));
        assertThat(h100.memoryTotalBytes()).isEqualTo(OptionalLong.of(81559L << 20));
        assertThat(h100.powerWatts()).isEqualTo(OptionalDouble.of(350.12));
        assertThat(h100.smClockHertz()).isEqualTo(OptionalLong.of(1_980_000_000L));
        assertThat(h100.memoryClockHertz()).isEqualTo(OptionalLong.of(2_619_000_000L));
        assertThat(h100.temperatureCelsius()).isEqualTo(OptionalDouble.of(61));
        assertThat(h100.throttleReasons()).isEqualTo(OptionalLong.of(0x4));
        assertThat(h100.eccCorrected()).isEqualTo(OptionalLong.of(0));
        assertThat(h100.eccUncorrected()).isEqualTo(OptionalLong.of(0));
        assertThat(h100.pciAddress()).as("as sysfs names it").isEqualTo("0000:3b:00.0");
    }

    @Test
    void bracketedRemarksAreAbsentValues() throws Exception {
        SmiGpuRow a10g = SmiQueryParser.parse(resource("nvidia-smi-query-two-gpus.csv")).get(1);
        SmiGpuRow geforce = SmiQueryParser.parse(resource("nvidia-smi-query-geforce.csv")).getFirst();

        assertThat(a10g.powerWatts()).isEmpty();
        assertThat(a10g.eccCorrected()).isEmpty();
        assertThat(a10g.eccUncorrected()).isEmpty();
        assertThat(geforce.powerWatts()).as("[Not Supported]").isEmpty();
        assertThat(geforce.throttleReasons()).isEqualTo(OptionalLong.of(0));
        assertThat(SmiQueryParser.parse(line("N/A")).getFirst().temperatureCelsius()).isEmpty();
        assertThat(SmiQueryParser.parse(line("61").replace("00000000:3B:00.0", "[N/A]")).getFirst().pciAddress()).isEmpty();
    }

    /** A row of the H100 with the temperature field replaced by {@code temperature}. */
    private static String line(String temperature) {
        return "0, GPU-a, NVIDIA H100, 45, 30, 20480, 81559, 350.12, 1980, 2619, " + temperature + ", 0x0000000000000004, 0, 0, 00000000:3B:00.0\n";
    }

    @Test
    void aNameWithCommasIsJoinedAgainAndBlankLinesAndCarriageReturnsAreSkipped() {
        List<SmiGpuRow> rows = SmiQueryParser.parse("\r\n0, GPU-a, Tesla, rev. 2, 1, 2, 3, 4, 5.5, 6, 7, 8, 0x1, 9, 10, 0000:01:00.0\r\n\n");

        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.name()).isEqualTo("Tesla, rev. 2");
            assertThat(row.eccUncorrected()).isEqualTo(OptionalLong.of(10));
        });
        assertThat(SmiQueryParser.parse("")).isEmpty();
    }

    @Test
    void refusesWhatIsNotAQueryRow() {
        assertThatThrownBy(() -> SmiQueryParser.parse("No devices were found")).isInstanceOf(ParseException.class)
                .hasMessageStartingWith("'No devices were found' has 1 fields, not the 15 asked for: index,uuid,name,");
        assertThatThrownBy(() -> SmiQueryParser.parse(line("hot"))).isInstanceOf(ParseException.class)
                .hasMessageStartingWith("'hot' is not a decimal number in '0, GPU-a,");
        assertThatThrownBy(() -> SmiQueryParser.parse(line("-5"))).isInstanceOf(ParseException.class).hasMessageStartingWith("'-5' is not a decimal number");
        assertThatThrownBy(() -> SmiQueryParser.parse(line("61").replace(", 45,", ", 101,"))).isInstanceOf(ParseException.class)
                .hasMessageStartingWith("'101' is over 100 %");
        assertThatThrownBy(() -> SmiQueryParser.parse(line("61").replace("0x0000000000000004", "4"))).isInstanceOf(ParseException.class)
                .hasMessageStartingWith("'4' is not a hexadecimal mask like 0x0000000000000004");
        assertThatThrownBy(() -> SmiQueryParser.parse(line("61").replace("20480", "99999999999999"))).isInstanceOf(ParseException.class)
                .hasMessageStartingWith("'99999999999999' is not a whole number");
        assertThatThrownBy(() -> SmiQueryParser.parse("x" + line("61"))).isInstanceOf(ParseException.class)
                .hasMessageEndingWith("does not start with a GPU index and UUID");
        assertThatThrownBy(() -> SmiQueryParser.parse(line("61") + line("62"))).isInstanceOf(ParseException.class)
                .hasMessageStartingWith("GPU 0 or GPU-a appears twice");
        assertThatThrownBy(() -> SmiQueryParser.parse(line("61").replace("00000000:3B:00.0", "3B:00"))).isInstanceOf(ParseException.class)
                .hasMessageStartingWith("'3B:00' is not a PCI bus id like 00000000:3B:00.0");
    }

    @Test
    void asksForTheFieldsItReads() {
        assertThat(SmiSource.ARGUMENTS).containsExactly(
                "--query-gpu=index,uuid,name,utilization.gpu,utilization.memory,memory.used,memory.total,power.draw,clocks.sm,clocks.mem,"
                        + "temperature.gpu,clocks_throttle_reasons.active,ecc.errors.corrected.volatile.total,ecc.errors.uncorrected.volatile.total,pci.bus_id",
                "--format=csv,noheader,nounits");
    }
}
