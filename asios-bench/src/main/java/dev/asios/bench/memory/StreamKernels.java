package dev.asios.bench.memory;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;

import java.lang.foreign.MemorySegment;

/**
 * The STREAM kernel loops over one thread's slices of the three arrays, element by element, as
 * STREAM's C loops: plain loads and stores that the JIT unrolls and vectorizes. They allocate
 * nothing. Stateless and thread-safe; the slices must be of equal length, a multiple of 8 bytes.
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

    /** {@code c = a}. */
    static void copy(MemorySegment a, MemorySegment c) {
        long n = a.byteSize() / Double.BYTES;
        for (long i = 0; i < n; i++) {
            c.setAtIndex(JAVA_DOUBLE, i, a.getAtIndex(JAVA_DOUBLE, i));
        }
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
