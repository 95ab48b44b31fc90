package dev.asios.host.pci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asios.host.parse.ParseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PciAttributeParserTest {

    @Test
    void parsesIdsAndClassCodes() {
        assertThat(PciAttributeParser.parseHexId("0x10de\n", 16)).isEqualTo(0x10de);
        assertThat(PciAttributeParser.parseHexId("10DE", 16)).isEqualTo(0x10de);
        assertThat(PciAttributeParser.parseHexId("0x030200", 24)).isEqualTo(0x030200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0x", "0x10000", "0x+1", "-1", "0xzz", "0x1 0", "0x0000000001"})
    void rejectsIdsThatAreNotSixteenBitHex(String text) {
        assertThatThrownBy(() -> PciAttributeParser.parseHexId(text, 16)).isInstanceOf(ParseException.class);
    }

    @ParameterizedTest
    @CsvSource({"'16.0 GT/s PCIe', 16.0", "'8 GT/s', 8.0", "'2.5 GT/s\n', 2.5", "'32.0 GT/s PCIe', 32.0", "'64.0 GT/s PCIe', 64.0"})
    void parsesLinkSpeeds(String text, double gtPerSec) {
        assertThat(PciAttributeParser.parseLinkSpeedGtPerSec(text)).hasValue(gtPerSec);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Unknown", "Unknown speed", "33 MHz PCI", "133 MHz PCI-X 266"})
    void leavesOutSpeedsWithoutATransferRate(String text) {
        assertThat(PciAttributeParser.parseLinkSpeedGtPerSec(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "GT/s", " GT/s", "fast GT/s", "8. GT/s", ".5 GT/s", "1.2.3 GT/s", "-8 GT/s", "99999 GT/s", "8GT/s"})
    void rejectsGarbledSpeeds(String text) {
        assertThatThrownBy(() -> PciAttributeParser.parseLinkSpeedGtPerSec(text)).isInstanceOf(ParseException.class);
    }

    @Test
    void parsesWidthsAndTreatsZeroAsAbsent() {
        assertThat(PciAttributeParser.parseLinkWidthLanes("16\n")).hasValue(16);
        assertThat(PciAttributeParser.parseLinkWidthLanes("x8")).hasValue(8);
        assertThat(PciAttributeParser.parseLinkWidthLanes("0")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "x", "-1", "64", "255", "sixteen", "1 6", "007"})
    void rejectsWidthsOutsidePciExpress(String text) {
        assertThatThrownBy(() -> PciAttributeParser.parseLinkWidthLanes(text)).isInstanceOf(ParseException.class);
    }
}
