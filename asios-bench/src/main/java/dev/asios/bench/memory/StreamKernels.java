package dev.asios.bench.memory;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;

import java.lang.foreign.MemorySegment;

/**
 * The STREAM kernels over one thread's slices of the three arrays. Scale, add and triad are
 * element loops of plain loads and stores, which the JIT unrolls; copy is the JDK's memory copy, as
 * a C compiler turns STREAM's copy loop into {@code memcpy}. They allocate nothing. Stateless and
 * thread-safe; the slices must be of equal length, a multiple of 8 bytes.
 */
final class StreamKernels {

    /** The scalar {@code s} of scale and triad, as in STREAM. */
    static final double SCALAR = 3.0;

    private StreamKernels() {
    }

    /** Runs {@code kernel} once over the slices. */
    static void run(StreamKernel kernel, MemorySegment a, MemorySegment b, MemorySegment c) {
        switch (kernel) {
            case COPY -> copy(a, c);
            case SCALE -> scale(c, b);
            case ADD -> add(a, b, c);
            case TRIAD -> triad(b, c, a);
        }
    }

    /** {@code c = a}, through {@link MemorySegment#copy(MemorySegment, long, MemorySegment, long, long)}. */
    static void copy(MemorySegment a, MemorySegment c) {
        MemorySegment.copy(a, 0, c, 0, a.byteSize());
    }

    /** {@code b = s * c}. */
    static void scale(MemorySegment c, MemorySegment b) {
        long n = c.byteSize() / Double.BYTES;
        for (long i = 0; i < n; i++) {
            b.setAtIndex(JAVA_DOUBLE, i, SCALAR * c.getAtIndex(JAVA_DOUBLE, i));
        }
    }

    /** {@code c = a + b}. */
    static void add(MemorySegment a, MemorySegment b, MemorySegment c) {
        long n = a.byteSize() / Double.BYTES;
        for (long i = 0; i < n; i++) {
            c.setAtIndex(JAVA_DOUBLE, i, a.getAtIndex(JAVA_DOUBLE, i) + b.getAtIndex(JAVA_DOUBLE, i));
        }
    }

    /** {@code a = b + s * c}. */
    static void triad(MemorySegment b, MemorySegment c, MemorySegment a) {
        long n = b.byteSize() / Double.BYTES;
        for (long i = 0; i < n; i++) {
            a.setAtIndex(JAVA_DOUBLE, i, b.getAtIndex(JAVA_DOUBLE, i) + SCALAR * c.getAtIndex(JAVA_DOUBLE, i));
        }
    }
}
