package dev.asios.observe.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asios.host.parse.ByteText;
import dev.asios.host.parse.ParseException;
import org.junit.jupiter.api.Test;

class NetDevParserTest {

    static final String HEADER = """
            Inter-|   Receive                                                |  Transmit
             face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed
            """;

    static String line(String name, long first) {
        StringBuilder line = new StringBuilder(String.format("%6s:", name));
        for (int i = 0; i < NetDevParser.COUNTERS; i++) {
            line.append(' ').append(first + i);
        }
        return line.append('\n').toString();
    }

    @Test
    void namesTheInterfacesAfterTheHeader() {
        assertThat(NetDevParser.nameWords(ByteText.of(HEADER + line("lo", 1) + line("eth0", 100) + "\n" + line("veth1a2b3c4", 0))))
                .containsExactly("lo:", "eth0:", "veth1a2b3c4:");
        assertThat(NetDevParser.interfaceName("eth0:")).isEqualTo("eth0");
        assertThat(NetDevParser.nameWords(ByteText.of(HEADER))).isEmpty();
    }

    @Test
    void readsTheSixteenCounters() {
        ByteText text = ByteText.of(HEADER + line("eth0", 100) + " 17 18\n");
        NetDevParser.skipHeader(text);
        text.nextLine();
        text.skipWord();
        long[] counters = new long[NetDevParser.COUNTERS];
        NetDevParser.counters(text, counters);
        assertThat(counters[0]).isEqualTo(100);
        assertThat(counters[NetDevParser.TRANSMIT]).isEqualTo(108);
        assertThat(counters[15]).isEqualTo(115);
    }

    @Test
    void refusesMalformedLinesAndQuotesThem() {
        assertThatThrownBy(() -> NetDevParser.nameWords(ByteText.of(HEADER + "  eth0 1 2 3\n"))).isInstanceOf(ParseException.class)
                .hasMessageContaining("interface name and a colon").hasMessageContaining("'eth0'");
        assertThatThrownBy(() -> NetDevParser.nameWords(ByteText.of(HEADER + "  eth0:1 2 3\n"))).isInstanceOf(ParseException.class)
                .hasMessageContaining("'eth0:1'");
        assertThatThrownBy(() -> NetDevParser.nameWords(ByteText.of(HEADER + "  eth0: 1 2 3\n"))).isInstanceOf(ParseException.class)
                .hasMessageContaining("end of line 'eth0: 1 2 3'");
        assertThatThrownBy(() -> NetDevParser.nameWords(ByteText.of(HEADER + line("eth0", 1).replace(" 5 ", " -5 "))))
                .isInstanceOf(ParseException.class).hasMessageContaining("negative counter");
    }
}
