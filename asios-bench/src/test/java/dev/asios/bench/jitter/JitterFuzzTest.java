package dev.asios.bench.jitter;

import static dev.asios.host.parse.FuzzAssertions.parsedOrRejected;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import dev.asios.bench.LatencyCounts;
import dev.asios.host.parse.ParseException;
import java.util.Arrays;

/**
 * Fuzzes the parsers of outside output: cyclictest's histogram and the lines of a probe's child
 * JVM. Any input parses, to values that hold together, or fails with a {@link ParseException} that
 * has a message; nothing else escapes. The seeds are under {@code JitterFuzzTestInputs/<method>/}.
 */
class JitterFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void cyclictestHistogram(@NotNull String text) {
        parsedOrRejected(CyclictestHistogramParser::parse, text).ifPresent(histogram -> {
            assertThat(histogram.samples()).isPositive();
            assertThat(Arrays.stream(histogram.counts())).allMatch(count -> count >= 0);
            WakeupLatency latency = histogram.latency();
            assertThat(latency.samples()).isEqualTo(histogram.samples());
            assertThat(latency.maxUs()).isEqualTo(histogram.maxUs());
            assertThat(histogram.percentileUs(100)).isLessThanOrEqualTo(histogram.maxUs());
        });
    }

    @FuzzTest(maxDuration = "30s")
    void probeLines(@NotNull String line) {
        parsedOrRejected(JitterProbeLines::parseLatency, line).ifPresent(latency -> assertThat(latency.p99Us()).isLessThanOrEqualTo(latency.maxUs()));
        parsedOrRejected(JitterProbeLines::parseNoise, line).ifPresent(noise -> assertThat(noise.maxGapUs()).isNotNegative());
        LatencyCounts counts = new LatencyCounts();
        parsedOrRejected(text -> {
            JitterProbeLines.parseCounts(text, counts);
            return counts;
        }, line).ifPresent(c -> assertThat(c.isEmpty() || c.distribution("t", "m", "us").count() > 0).isTrue());
    }
}
