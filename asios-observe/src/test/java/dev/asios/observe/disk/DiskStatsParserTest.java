package dev.asios.observe.disk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asios.host.parse.ByteText;
import dev.asios.host.parse.ParseException;
import org.junit.jupiter.api.Test;

class DiskStatsParserTest {

    static final String FIELDS_14 = "   8       0 sda 100 2 800 30 40 5 160 70 0 90 110\n";
    static final String FIELDS_18 = "   8       0 sda 100 2 800 30 40 5 160 70 0 90 110 6 1 48 9\n";
    static final String FIELDS_20 = " 259       0 nvme0n1 100 2 800 30 40 5 160 70 3 90 110 6 1 48 9 12 4\n";

    private final long[] counters = new long[DiskStatsParser.WITH_FLUSHES];

    @Test
    void readsTheCountersOfEachKernelGeneration() {
        assertThat(counters(FIELDS_14)).isEqualTo(DiskStatsParser.BASIC_COUNTERS);
        assertThat(counters).startsWith(100, 2, 800, 30, 40, 5, 160, 70, 0, 90, 110);
        assertThat(counters(FIELDS_18)).isEqualTo(DiskStatsParser.WITH_DISCARDS);
        assertThat(counters).startsWith(100, 2, 800, 30, 40, 5, 160, 70, 0, 90, 110, 6, 1, 48, 9);
        assertThat(counters(FIELDS_20)).isEqualTo(DiskStatsParser.WITH_FLUSHES);
        assertThat(counters).containsExactly(100, 2, 800, 30, 40, 5, 160, 70, 3, 90, 110, 6, 1, 48, 9, 12, 4);
        assertThat(counters(FIELDS_20.replace("\n", " 77 88\n"))).as("fields of a later kernel are ignored").isEqualTo(DiskStatsParser.WITH_FLUSHES);
    }

    @Test
    void namesTheDevicesOfEveryLine() {
        assertThat(DiskStatsParser.deviceNames(ByteText.of(FIELDS_14 + "\n" + FIELDS_20.replace("nvme0n1", "nvme0n1p1"))))
                .containsExactly("sda", "nvme0n1p1");
        assertThat(DiskStatsParser.deviceNames(ByteText.of(""))).isEmpty();
    }

    @Test
    void refusesMalformedLinesAndQuotesThem() {
        assertThatThrownBy(() -> counters("   8 0 sda 1 2 3 4 5 6 7 8 9 10\n")).isInstanceOf(ParseException.class)
                .hasMessageContaining("expected 11, 15 or 17 counters").hasMessageContaining("found 10").hasMessageContaining("sda 1 2 3");
        assertThatThrownBy(() -> counters("   8 0 sda 1 2 3 4 5 6 7 8 9 10 11 12\n")).isInstanceOf(ParseException.class)
                .hasMessageContaining("found 12");
        assertThatThrownBy(() -> counters("   8 0 sda 1 2 x 4 5 6 7 8 9 10 11\n")).isInstanceOf(ParseException.class)
                .hasMessageContaining("'x'");
        assertThatThrownBy(() -> counters("   8 0 sda 1 2 -3 4 5 6 7 8 9 10 11\n")).isInstanceOf(ParseException.class)
                .hasMessageContaining("negative counter");
        assertThatThrownBy(() -> DiskStatsParser.deviceNames(ByteText.of("sda 1 2 3\n"))).isInstanceOf(ParseException.class)
                .hasMessageContaining("'sda'");
        assertThatThrownBy(() -> DiskStatsParser.deviceNames(ByteText.of("8 0\n"))).isInstanceOf(ParseException.class)
                .hasMessageContaining("no device name");
    }

    private int counters(String line) {
        ByteText text = ByteText.of(line);
        text.nextLine();
        DiskStatsParser.skipDeviceNumbers(text);
        text.skipWord();
        return DiskStatsParser.counters(text, counters);
    }
}
