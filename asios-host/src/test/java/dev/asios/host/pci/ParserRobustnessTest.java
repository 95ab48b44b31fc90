package dev.asios.host.pci;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Random text into every text parser of the package. */
class ParserRobustnessTest {

    @Test
    void throwsNothingButParseExceptionOnRandomText() {
        RandomText.feed(List.of(
                PciAddress::parse,
                text -> PciAttributeParser.parseHexId(text, 16),
                text -> PciAttributeParser.parseHexId(text, 24),
                PciAttributeParser::parseLinkSpeedGtPerSec,
                PciAttributeParser::parseLinkWidthLanes,
                RdmaPortParser::parseState,
                RdmaPortParser::parseRate));
    }
}
