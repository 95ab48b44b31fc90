package dev.asios.bench.jitter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asios.host.parse.ParseException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CyclictestHistogramParserTest {

    private static final String SUMMARY = """
            # Total: 000000010
            # Min Latencies: 00001
            # Avg Latencies: 00002
            # Max Latencies: 00003
            # Histogram Overflows: 00000
            # Histogram Overflow at cycle number:
            # Thread 0:
            """;

    @Test
    void readsARecordedTwoSecondRun() throws IOException {
        // cyclictest --mlockall --priority=95 --threads=1 --affinity=1 --interval=1000 --duration=2s --histogram=2000 --quiet
        CyclictestHistogram histogram = CyclictestHistogramParser.parse(resource("cyclictest-2s-fifo95-cpu1.txt"));

        assertThat(histogram.counts()).hasSize(2000);
        assertThat(histogram.overflows()).isEqualTo(1);
        assertThat(histogram.samples()).isEqualTo(1993);
        assertThat(histogram.minUs()).isEqualTo(16);
        assertThat(histogram.avgUs()).isEqualTo(48);
        assertThat(histogram.maxUs()).isEqualTo(7089);
        assertThat(histogram.latency()).isEqualTo(new WakeupLatency(38, 180, 383, 7089, 1993));
    }

    @Test
    void aPercentileAmongTheOverflowsIsTheMaximum() {
        CyclictestHistogram histogram = CyclictestHistogramParser.parse("""
                000000 000000
                000001 000098
                # Min Latencies: 00001
                # Avg Latencies: 00009
                # Max Latencies: 00250
                # Histogram Overflows: 00002
                """);
        assertThat(histogram.samples()).isEqualTo(100);
        assertThat(histogram.percentileUs(98)).isEqualTo(1);
        assertThat(histogram.percentileUs(99)).isEqualTo(250);
        assertThat(histogram.percentileUs(100)).isEqualTo(250);
        assertThatThrownBy(() -> histogram.percentileUs(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void skipsCyclictestsNotesAndTheOverflowCycles() {
        CyclictestHistogram histogram = CyclictestHistogramParser.parse("defaulting realtime priority to 2\n"
                + "# /dev/cpu_dma_latency set to 0us\n# Histogram\n000000 000000\r\n000001 000004\n000002 000006\n\n" + SUMMARY);
        assertThat(histogram.counts()).containsExactly(0, 4, 6);
        assertThat(histogram.latency()).isEqualTo(new WakeupLatency(2, 2, 2, 3, 10));
    }

    @Test
    void rejectsWhatIsNotOneThreadsHistogram() {
        assertRejected("# Histogram\n" + SUMMARY, "no histogram lines");
        assertRejected("000000 000001 000002\n" + SUMMARY, "one thread expected");
        assertRejected("000000 000004\n000002 000006\n" + SUMMARY, "out of order: bucket 1 expected");
        assertRejected("000000 000004\n000001 000006\n" + SUMMARY.replace("# Max Latencies: 00003\n", ""), "no '# Max Latencies:' line");
        assertRejected("000000 000004\n000001 000005\n" + SUMMARY, "disagrees with the buckets, which hold 9");
        assertRejected("000000 000004\n000001 000006\n" + SUMMARY.replace("Min Latencies: 00001", "Min Latencies: 00001 00002"),
                "one thread expected");
        assertRejected("000000 000004\n000001 000006\n" + SUMMARY + "# Max Latencies: 00003\n", "appears twice");
        assertRejected("000000 000004\n000001 000006\n000002 000000\n000003 000000\n000004 000001\n"
                + SUMMARY.replace("Total: 000000010", "Total: 000000011"), "is below the largest latency");
        assertRejected("000000 0x04\n" + SUMMARY, "is not a count");
        assertRejected("000000 9999999999999999999\n" + SUMMARY, "is not a count");
        assertRejected("000000 000000\n" + SUMMARY.replace("Total: 000000010", "Total: 0"), "no wake-ups");
        StringBuilder huge = new StringBuilder();
        for (int bucket = 0; bucket < 10; bucket++) {
            huge.append(bucket).append(" 999999999999999999\n");
        }
        assertRejected(huge + SUMMARY.replace("# Total: 000000010\n", ""), "add up past");
    }

    private static void assertRejected(String text, String reason) {
        assertThatThrownBy(() -> CyclictestHistogramParser.parse(text)).isInstanceOf(ParseException.class).hasMessageContaining(reason);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = CyclictestHistogramParserTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
