package dev.asios.observe.pressure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asios.host.parse.ByteText;
import dev.asios.host.parse.ParseException;
import org.junit.jupiter.api.Test;

class PressureStallsTest {

    private final PressureStalls stalls = new PressureStalls();

    @Test
    void readsTheTotalsOfSomeAndFull() {
        stalls.parse(ByteText.of("some avg10=0.00 avg60=0.02 avg300=0.26 total=250796636\nfull avg10=0.00 avg60=0.02 avg300=0.18 total=86150985\n"));
        assertThat(stalls.someMicros()).isEqualTo(250_796_636L);
        assertThat(stalls.hasFull()).isTrue();
        assertThat(stalls.fullMicros()).isEqualTo(86_150_985L);
    }

    @Test
    void aCpuFileOfAnOlderKernelHasNoFullLine() {
        stalls.parse(ByteText.of("some avg10=1.64 avg60=2.37 avg300=7.39 total=4638301925\n"));
        assertThat(stalls.someMicros()).isEqualTo(4_638_301_925L);
        assertThat(stalls.hasFull()).isFalse();
    }

    @Test
    void rejectsFilesWithoutSomeOrTotalAndForeignLines() {
        assertThatThrownBy(() -> stalls.parse(ByteText.of(""))).isInstanceOf(ParseException.class)
                .hasMessage("no 'some ... total=N' line; expected a pressure-stall file");
        assertThatThrownBy(() -> stalls.parse(ByteText.of("some avg10=0.00\n"))).hasMessage("expected 'total=' and a number in line 'some avg10=0.00'");
        assertThatThrownBy(() -> stalls.parse(ByteText.of("some total=x\n"))).hasMessageContaining("found 'x'");
        assertThatThrownBy(() -> stalls.parse(ByteText.of("some total=1\nhalf total=2\n"))).hasMessage("line 'half total=2' is neither 'some ...' nor 'full ...'");
    }
}
