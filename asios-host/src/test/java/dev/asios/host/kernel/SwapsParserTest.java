package dev.asios.host.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asios.host.parse.ParseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SwapsParserTest {

    private static final String HEADER = "Filename\t\t\t\tType\t\tSize\t\tUsed\t\tPriority\n";

    @Test
    void headerAloneMeansNoSwap() {
        assertThat(SwapsParser.parse(HEADER)).isEmpty();
        assertThat(SwapsParser.parse(HEADER.strip())).isEmpty();
    }

    @Test
    void readsAreasInBytes() {
        String text = HEADER + "/dev/nvme0n1p3                          partition\t8388604\t\t1024\t\t-2\n"
                + "/swap\\040file                           file\t\t2097148\t\t0\t\t10\n";
        assertThat(SwapsParser.parse(text)).containsExactly(
                new SwapDevice("/dev/nvme0n1p3", "partition", 8388604L * 1024, 1024L * 1024, -2),
                new SwapDevice("/swap file", "file", 2097148L * 1024, 0, 10));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/dev/sda2 partition 1 0 -2", "Filename Type Size Used Priority\n/dev/sda2 partition 8388604",
            "Filename Type Size Used Priority\n/dev/sda2 partition big 0 -2", "Filename Type Size Used Priority\n/dev/sda2 partition -5 0 -2",
            "Filename Type Size Used Priority\n/dev/sda2 partition 99999999999999999 0 -2",
            "Filename Type Size Used Priority\n/dev/sda2 partition 1 0 99999999999"})
    void rejectsGarbledOrTruncatedLines(String text) {
        assertThatThrownBy(() -> SwapsParser.parse(text)).isInstanceOf(ParseException.class);
    }
}
