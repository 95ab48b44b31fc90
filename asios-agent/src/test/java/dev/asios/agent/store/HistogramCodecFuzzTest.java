package dev.asios.agent.store;

import static dev.asios.host.parse.FuzzAssertions.parsedOrRejected;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import java.util.Arrays;

/**
 * Fuzzes the decoders of the store's blobs, which a damaged file can hold: any bytes decode to
 * what encodes back to the same values, or are rejected with a message.
 */
class HistogramCodecFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void counts(byte @NotNull [] blob) {
        parsedOrRejected(HistogramCodec::decodeCounts, blob).ifPresent(counts -> {
            assertThat(counts).isNotEmpty().hasSizeLessThanOrEqualTo(HistogramCodec.MAX_BUCKETS);
            assertThat(Arrays.stream(counts)).allMatch(count -> count >= 0);
            assertThat(HistogramCodec.decodeCounts(HistogramCodec.encodeCounts(counts))).containsExactly(counts);
        });
    }

    @FuzzTest(maxDuration = "30s")
    void bounds(byte @NotNull [] blob) {
        parsedOrRejected(HistogramCodec::decodeBounds, blob).ifPresent(bounds -> assertThat(HistogramCodec.encodeBounds(bounds)).isEqualTo(blob));
    }
}
