package dev.asios.bench.memory;

import static dev.asios.bench.memory.StreamOutputParserTest.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.asios.host.parse.ParseException;
import org.junit.jupiter.api.Test;

/** stress-ng 0.15.06 {@code --stream 2 --metrics} output, recorded on the 2-CPU development host, and variants of it. */
class StressNgStreamParserTest {

    @Test
    void theInstancesAreSummedAndMibBecomeMb() {
        StressNgStreamRate rate = StressNgStreamParser.parse(resource("stress-ng-stream-2.txt"));
        assertThat(rate.instances()).isEqualTo(2);
        assertThat(rate.readMibPerSecond()).isCloseTo(5590.81 + 5746.82, within(1e-9));
        assertThat(rate.writeMibPerSecond()).isCloseTo(3727.21 + 3831.21, within(1e-9));
        assertThat(rate.megabytesPerSecond()).isCloseTo((5590.81 + 5746.82 + 3727.21 + 3831.21) * 1.048576, within(1e-6));
    }

    @Test
    void withoutInstanceLinesTheMetricsMeanCountsForEachInstance() {
        String metricsOnly = resource("stress-ng-stream-2.txt").replaceAll("(?m)^.*memory rate: .*$", "");
        StressNgStreamRate rate = StressNgStreamParser.parse(metricsOnly);
        assertThat(rate).isEqualTo(new StressNgStreamRate(2, 5668.28 * 2, 3778.85 * 2));
    }

    @Test
    void theLaterMetricsWordingIsRead() {
        String later = """
                stress-ng: metrc: [71] stream             9000.50 MB per sec memory read rate (harmonic mean of 4 instances)
                stress-ng: metrc: [71] stream             6000.25 MB per sec memory write rate (harmonic mean of 4 instances)
                """;
        assertThat(StressNgStreamParser.parse(later)).isEqualTo(new StressNgStreamRate(4, 36002.0, 24001.0));
    }

    @Test
    void aRunTooShortToMeasureIsRefusedWithStressNgsWords() {
        assertThatThrownBy(() -> StressNgStreamParser.parse(resource("stress-ng-stream-too-short.txt"))).isInstanceOf(ParseException.class)
                .hasMessageStartingWith("stress-ng output has no stream memory rate")
                .hasMessageEndingWith("stress-ng said: 'stress-ng: info:  [4771] stream: run duration too short to determine memory rate'");
    }

    @Test
    void anInstanceReportedTwiceIsRefused() {
        String line = "stress-ng: info:  [1] stream: memory rate: 1.00 MB read/sec, 1.00 MB write/sec, 1.00 Mflop/sec (instance 0)\n";
        assertThatThrownBy(() -> StressNgStreamParser.parse(line + line)).isInstanceOf(ParseException.class)
                .hasMessageStartingWith("stress-ng reports stream instance 0 twice");
    }

    @Test
    void halfTheMetricsOrZeroRatesAreRefused() {
        assertThatThrownBy(() -> StressNgStreamParser.parse("stream 10.0 memory read rate (MB per sec) (geometic mean of 2 instances)"))
                .isInstanceOf(ParseException.class).hasMessage("stress-ng output has the stream memory read rate but not the other");
        assertThatThrownBy(() -> StressNgStreamParser.parse("stream: memory rate: 0.00 MB read/sec, 0.00 MB write/sec, 0.0 Mflop/sec (instance 0)"))
                .isInstanceOf(ParseException.class).hasMessage("stress-ng reports a stream memory rate of 0 MB/sec over 1 instances");
    }
}
