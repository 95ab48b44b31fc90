package dev.asios.observe.ebpf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class Log2BucketsTest {

    private final Log2Buckets micros = new Log2Buckets(26, 1e-6);

    private int indexOf(HistogramBucket bucket) {
        long[] counts = new long[micros.size()];
        micros.add(List.of(bucket), counts);
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == bucket.count()) {
                return i;
            }
        }
        throw new AssertionError("not counted: " + bucket);
    }

    @Test
    void boundsArePowersOfTwoInTheBaseUnit() {
        double[] bounds = micros.upperBounds();
        assertThat(bounds).hasSize(27);
        assertThat(bounds[0]).isEqualTo(1e-6);
        assertThat(bounds[10]).isEqualTo(1024e-6);
        assertThat(bounds[26]).isCloseTo(67.108864, within(1e-9));
        assertThat(micros.size()).isEqualTo(28);
        assertThatThrownBy(() -> new Log2Buckets(63, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Log2Buckets(3, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aBucketCountsUnderTheBoundAboveItsLargestValue() {
        assertThat(indexOf(new HistogramBucket(HistogramBucket.NO_MIN, -1, 1))).isZero();
        assertThat(indexOf(new HistogramBucket(0, 0, 1))).isZero();
        assertThat(indexOf(new HistogramBucket(1, 1, 1))).isEqualTo(1);
        assertThat(indexOf(new HistogramBucket(2, 3, 1))).isEqualTo(2);
        assertThat(indexOf(new HistogramBucket(2048, 4095, 1))).isEqualTo(12);
        assertThat(indexOf(new HistogramBucket(1L << 25, (1L << 26) - 1, 1))).isEqualTo(26);
        assertThat(indexOf(new HistogramBucket(1L << 26, (1L << 27) - 1, 1))).isEqualTo(27);
        assertThat(indexOf(new HistogramBucket(1000, HistogramBucket.NO_MAX, 1))).isEqualTo(27);
        assertThat(indexOf(new HistogramBucket(100, 199, 1))).isEqualTo(27);
    }

    @Test
    void aGarbledBucketOf017IsTheOneAfterItsPredecessor() {
        BpftraceMessage.Histograms recorded = (BpftraceMessage.Histograms) Recorded.messages("shapes-0.17.jsonl").stream()
                .filter(m -> m instanceof BpftraceMessage.Histograms h && h.map().equals("@neg")).findFirst().orElseThrow();
        List<HistogramBucket> buckets = recorded.histograms().get(BpftraceMessage.NO_KEY);
        assertThat(buckets.getLast()).isEqualTo(new HistogramBucket(-2147483648L, 0, 1));
        Log2Buckets bytes = new Log2Buckets(36, 1);
        long[] counts = new long[bytes.size()];

        bytes.add(buckets, counts);

        assertThat(counts[0]).as("-5 and 0").isEqualTo(2);
        assertThat(counts[2]).as("3").isEqualTo(1);
        assertThat(counts[32]).as("2^40, printed as the bucket after 2^30..2^31-1").isEqualTo(1);
        assertThat(counts).containsOnly(0, 1, 2);
    }

    @Test
    void countsSaturateInsteadOfOverflowing() {
        long[] counts = new long[micros.size()];
        micros.add(List.of(new HistogramBucket(0, 0, Long.MAX_VALUE), new HistogramBucket(0, 0, 5)), counts);
        assertThat(counts[0]).isEqualTo(Long.MAX_VALUE);
        assertThatThrownBy(() -> micros.add(List.of(), new long[3])).hasMessageContaining("3 counts for 28 buckets");
    }
}
