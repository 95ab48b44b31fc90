package dev.asios.bench.memory;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/** STREAM's byte counting on fixed timings, and the kernel loops on small arrays. */
class StreamKernelTest {

    @Test
    void bytesAreCountedAsStreamDoes() {
        // 10^6 elements in 1 ms: copy and scale move 16 MB, add and triad 24 MB.
        assertThat(StreamKernel.COPY.megabytesPerSecond(1_000_000, 0.001)).isEqualTo(16_000.0);
        assertThat(StreamKernel.SCALE.megabytesPerSecond(1_000_000, 0.001)).isEqualTo(16_000.0);
        assertThat(StreamKernel.ADD.megabytesPerSecond(1_000_000, 0.001)).isEqualTo(24_000.0);
        assertThat(StreamKernel.TRIAD.megabytesPerSecond(1_000_000, 0.001)).isEqualTo(24_000.0);
    }

    @Test
    void theRecordedStreamRunIsReproducedFromItsBestTime() {
        // stream-2-threads.txt: 136314880 elements, triad min time 0.133619 s, printed as 24484.2 MB/s.
        assertThat(StreamKernel.TRIAD.megabytesPerSecond(136_314_880, 0.133619)).isCloseTo(24484.2, within(0.1));
        assertThat(StreamKernel.COPY.megabytesPerSecond(136_314_880, 0.053910)).isCloseTo(40457.0, within(0.1));
    }

    @Test
    void aTimeThatIsNotPositiveIsRefused() {
        assertThatThrownBy(() -> StreamKernel.TRIAD.megabytesPerSecond(10, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Triad over 10 elements in 0.0 s: need elements >= 0 and a positive time");
        assertThatThrownBy(() -> StreamKernel.COPY.megabytesPerSecond(-1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StreamKernel.COPY.megabytesPerSecond(1, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theKernelsComputeWhatStreamComputes() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment a = arena.allocate(JAVA_DOUBLE, 5);
            MemorySegment b = arena.allocate(JAVA_DOUBLE, 5);
            MemorySegment c = arena.allocate(JAVA_DOUBLE, 5);
            for (long i = 0; i < 5; i++) {
                a.setAtIndex(JAVA_DOUBLE, i, 1.0 + i);
            }
            StreamKernels.run(StreamKernel.COPY, a, b, c);
            StreamKernels.run(StreamKernel.SCALE, a, b, c);
            StreamKernels.run(StreamKernel.ADD, a, b, c);
            StreamKernels.run(StreamKernel.TRIAD, a, b, c);
            for (long i = 0; i < 5; i++) {
                double ai = 1.0 + i;
                assertThat(b.getAtIndex(JAVA_DOUBLE, i)).isEqualTo(3 * ai);
                assertThat(c.getAtIndex(JAVA_DOUBLE, i)).isEqualTo(4 * ai);
                assertThat(a.getAtIndex(JAVA_DOUBLE, i)).isEqualTo(3 * ai + 3 * 4 * ai);
            }
        }
    }

    @Test
    void aPassAllocatesNothing() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        SpinBarrier barrier = new SpinBarrier(1);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment a = arena.allocate(JAVA_DOUBLE, 1024);
            MemorySegment b = arena.allocate(JAVA_DOUBLE, 1024);
            MemorySegment c = arena.allocate(JAVA_DOUBLE, 1024);
            StreamKernel[] kernels = StreamKernel.values();
            runPasses(kernels, barrier, a, b, c, 20_000);
            // The least of a few windows: a JIT transition in the test's own loop may allocate once.
            long least = Long.MAX_VALUE;
            for (int window = 0; window < 5; window++) {
                long before = threads.getCurrentThreadAllocatedBytes();
                runPasses(kernels, barrier, a, b, c, 1_000);
                least = Math.min(least, threads.getCurrentThreadAllocatedBytes() - before);
            }
            assertThat(least).isZero();
        }
    }

    private static void runPasses(StreamKernel[] kernels, SpinBarrier barrier, MemorySegment a, MemorySegment b, MemorySegment c, int passes) {
        for (int pass = 0; pass < passes; pass++) {
            for (StreamKernel kernel : kernels) {
                barrier.await();
                StreamKernels.run(kernel, a, b, c);
            }
        }
    }

    @Test
    void ratesMustBePositive() {
        assertThatThrownBy(() -> new StreamRates(1, 1, 0, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Add rate must be a positive number of MB/s, not 0.0");
        assertThat(new StreamRates(1, 2, 3, 4).of(StreamKernel.SCALE)).isEqualTo(2);
    }
}
