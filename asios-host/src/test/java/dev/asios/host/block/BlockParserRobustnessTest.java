package dev.asios.host.block;

import dev.asios.host.pci.RandomText;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Random text into every text parser of the package. */
class BlockParserRobustnessTest {

    @Test
    void throwsNothingButParseExceptionOnRandomText() {
        RandomText.feed(List.of(
                BlockAttributeParser::parseSizeBytes,
                BlockAttributeParser::parseFlag,
                BlockAttributeParser::parseScheduler));
    }
}
