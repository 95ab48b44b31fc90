package dev.asios.host.cgroup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asios.host.parse.ByteText;
import dev.asios.host.parse.ParseException;
import org.junit.jupiter.api.Test;

class IoStatParserTest {

    private final long[] totals = new long[4];

    @Test
    void sumsIoStatOverDevices() {
        IoStatParser.sumIoStat(ByteText.of("""
                254:0 rbytes=90112 wbytes=4096 rios=22 wios=1 dbytes=0 dios=0
                8:16 rbytes=10 wbytes=20 rios=1 wios=2 dbytes=5 dios=1 cost.vrate=100.00 cost.usage=1 cost.wait=0 cost.indebt=0 cost.indelay=0
                """), totals);
        assertThat(totals).containsExactly(90122, 4116, 23, 3);
    }

    @Test
    void readsAnEmptyIoStatAsNoIo() {
        totals[0] = 7;
        IoStatParser.sumIoStat(ByteText.of(""), totals);
        assertThat(totals).containsOnly(0);
    }

    @Test
    void readsLinuxBefore52WithoutDiscards() {
        IoStatParser.sumIoStat(ByteText.of("8:0 rbytes=1 wbytes=2 rios=3 wios=4\n"), totals);
        assertThat(totals).containsExactly(1, 2, 3, 4);
    }

    @Test
    void refusesAnIoStatLineWithoutItsKeys() {
        assertThatThrownBy(() -> IoStatParser.sumIoStat(ByteText.of("8:0 rbytes=1 wbytes=2\n"), totals))
                .isInstanceOf(ParseException.class).hasMessageContaining("rios=").hasMessageContaining("8:0 rbytes=1 wbytes=2");
        assertThatThrownBy(() -> IoStatParser.sumIoStat(ByteText.of("8:0 rbytes=x wbytes=2 rios=1 wios=1\n"), totals))
                .isInstanceOf(ParseException.class).hasMessageContaining("'x'");
        assertThatThrownBy(() -> IoStatParser.sumIoStat(ByteText.of("8:0 rbytes=-1 wbytes=2 rios=1 wios=1\n"), totals))
                .isInstanceOf(ParseException.class).hasMessageContaining("negative");
        assertThatThrownBy(() -> IoStatParser.sumIoStat(ByteText.of("8:0 rbytes=9223372036854775000 wbytes=2 rios=1 wios=1\n"
                + "8:1 rbytes=9223372036854775000 wbytes=2 rios=1 wios=1\n"), totals))
                .isInstanceOf(ParseException.class).hasMessageContaining("beyond 2^63");
    }

    @Test
    void sumsTheReadsAndWritesOfAV1BlkioTable() {
        IoStatParser.sumBlkio(ByteText.of("""
                8:0 Read 90112
                8:0 Write 4096
                8:0 Sync 0
                8:0 Async 94208
                8:0 Discard 0
                8:0 Total 94208
                253:0 Read 8
                253:0 Write 2
                253:0 Total 10
                Total 94218
                """), totals);
        assertThat(totals).startsWith(90120, 4098);
        IoStatParser.sumBlkio(ByteText.of("Total 0\n"), totals);
        assertThat(totals).startsWith(0, 0);
    }

    @Test
    void refusesABlkioLineWithoutANumber() {
        assertThatThrownBy(() -> IoStatParser.sumBlkio(ByteText.of("8:0 Read lots\n"), totals))
                .isInstanceOf(ParseException.class).hasMessageContaining("'lots'").hasMessageContaining("8:0 Read lots");
        assertThatThrownBy(() -> IoStatParser.sumBlkio(ByteText.of("8:0 Write\n"), totals))
                .isInstanceOf(ParseException.class).hasMessageContaining("8:0 Write");
    }
}
