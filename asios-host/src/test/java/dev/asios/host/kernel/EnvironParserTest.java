package dev.asios.host.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironParserTest {

    @Test
    void splitsOnNulAndTheFirstEquals() {
        assertThat(EnvironParser.parse("PATH=/usr/bin\0container=docker\0OPTS=a=b\0"))
                .containsExactly(Map.entry("PATH", "/usr/bin"), Map.entry("container", "docker"), Map.entry("OPTS", "a=b"));
    }

    @Test
    void skipsEntriesWithoutNameAndKeepsTheFirstOfRepeats() {
        assertThat(EnvironParser.parse("")).isEmpty();
        assertThat(EnvironParser.parse("\0\0garbage\0=x\0A=1\0A=2\0B=")).containsExactly(Map.entry("A", "1"), Map.entry("B", ""));
    }
}
