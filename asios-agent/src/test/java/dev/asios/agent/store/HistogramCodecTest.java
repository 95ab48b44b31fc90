package dev.asios.agent.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asios.host.parse.ParseException;
import org.junit.jupiter.api.Test;

class HistogramCodecTest {

    @Test
    void countsRoundTripCompactly() {
        long[] counts = {0, 1, 127, 128, 300_000, Long.MAX_VALUE};
        byte[] blob = HistogramCodec.encodeCounts(counts);
        assertThat(HistogramCodec.decodeCounts(blob)).containsExactly(counts);
        assertThat(HistogramCodec.encodeCounts(new long[] {0, 3, 9, 0})).as("small counts take a byte each").hasSize(5);
    }

    @Test
    void boundsRoundTripWithInfinity() {
        double[] bounds = {0.001, 0.5, Double.POSITIVE_INFINITY};
        assertThat(HistogramCodec.decodeBounds(HistogramCodec.encodeBounds(bounds))).containsExactly(bounds);
    }

    @Test
    void badBlobsAreRejectedWithAMessage() {
        assertThatThrownBy(() -> HistogramCodec.decodeCounts(new byte[0])).isInstanceOf(ParseException.class).hasMessageContaining("ends inside");
        assertThatThrownBy(() -> HistogramCodec.decodeCounts(new byte[] {0})).hasMessageContaining("0 buckets");
        assertThatThrownBy(() -> HistogramCodec.decodeCounts(new byte[] {2, 1})).hasMessageContaining("ends inside");
        assertThatThrownBy(() -> HistogramCodec.decodeCounts(new byte[] {1, 1, 1})).hasMessageContaining("1 bytes after");
        assertThatThrownBy(() -> HistogramCodec.decodeBounds(new byte[7])).hasMessageContaining("7 bytes");
    }
}
