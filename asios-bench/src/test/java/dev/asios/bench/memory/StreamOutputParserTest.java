package dev.asios.bench.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asios.host.parse.ParseException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** STREAM 5.10 output, recorded on the 2-CPU development host, and variants of it. */
class StreamOutputParserTest {

    @Test
    void twoOpenMpThreadsOverArraysOf1040MiB() {
        assertThat(StreamOutputParser.parse(resource("stream-2-threads.txt"))).isEqualTo(new StreamRates(40457.0, 21741.9, 25073.8, 24484.2));
    }

    @Test
    void oneThreadOverArraysOf8MiB() {
        assertThat(StreamOutputParser.parse(resource("stream-1-thread.txt"))).isEqualTo(new StreamRates(28057.7, 27737.0, 28306.0, 28405.0));
    }

    @Test
    void failedValidationIsRefused() {
        String failed = resource("stream-1-thread.txt").replace("Solution Validates: avg error less than 1.000000e-13 on all three arrays",
                "Failed Validation on array a[], AvgRelAbsErr > epsilon (1.000000e-13)");
        assertThatThrownBy(() -> StreamOutputParser.parse(failed)).isInstanceOf(ParseException.class)
                .hasMessage("STREAM's results failed validation: 'Failed Validation on array a[], AvgRelAbsErr > epsilon (1.000000e-13)'");
    }

    @Test
    void aMissingKernelIsRefused() {
        String noTriad = resource("stream-1-thread.txt").replaceAll("(?m)^Triad:.*$", "");
        assertThatThrownBy(() -> StreamOutputParser.parse(noTriad)).isInstanceOf(ParseException.class)
                .hasMessageStartingWith("STREAM output has no 'Triad: RATE ...' line");
    }

    @Test
    void aRepeatedKernelIsRefused() {
        String twice = resource("stream-1-thread.txt") + "Add:  1.0  0.1 0.1 0.1\n";
        assertThatThrownBy(() -> StreamOutputParser.parse(twice)).isInstanceOf(ParseException.class)
                .hasMessage("STREAM output has a second Add line: 'Add:  1.0  0.1 0.1 0.1'");
    }

    @Test
    void anInfiniteOrZeroRateIsRefused() {
        String infinite = resource("stream-1-thread.txt").replace("28405.0", "inf");
        assertThatThrownBy(() -> StreamOutputParser.parse(infinite)).isInstanceOf(ParseException.class)
                .hasMessageStartingWith("STREAM Triad line has no rate in MB/s: 'Triad:");
        String zero = resource("stream-1-thread.txt").replace("28405.0", "0.0");
        assertThatThrownBy(() -> StreamOutputParser.parse(zero)).isInstanceOf(ParseException.class)
                .hasMessageStartingWith("STREAM Triad rate is not positive");
    }

    /** A recorded output under this package's test resources. */
    static String resource(String name) {
        try (InputStream in = StreamOutputParserTest.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
