package dev.asios.bench.memory;

/**
 * The four STREAM kernels, in the order STREAM runs them, with the bytes STREAM counts for each:
 * every array element read or written once, 8 bytes a double, nothing for write-allocate.
 */
public enum StreamKernel {
    /** {@code c[i] = a[i]}: 16 bytes an element. */
    COPY("Copy", 16),
    /** {@code b[i] = s * c[i]}: 16 bytes an element. */
    SCALE("Scale", 16),
    /** {@code c[i] = a[i] + b[i]}: 24 bytes an element. */
    ADD("Add", 24),
    /** {@code a[i] = b[i] + s * c[i]}: 24 bytes an element. */
    TRIAD("Triad", 24);

    private final String label;
    private final int bytesPerElement;

    StreamKernel(String label, int bytesPerElement) {
        this.label = label;
        this.bytesPerElement = bytesPerElement;
    }

    /** The name STREAM prints at the start of the kernel's result line, without the colon. */
    public String label() {
        return label;
    }

    /** The bytes STREAM counts for one element: 16 for copy and scale, 24 for add and triad. */
    public int bytesPerElement() {
        return bytesPerElement;
    }

    /**
     * The bandwidth in MB/s (10^6 bytes a second, as STREAM) of one run of the kernel over
     * {@code elements} elements of each array that took {@code seconds}.
     *
     * @throws IllegalArgumentException if {@code elements} is negative or {@code seconds} is not a positive finite number
     */
    public double megabytesPerSecond(long elements, double seconds) {
        if (elements < 0 || !(seconds > 0) || Double.isInfinite(seconds)) {
            throw new IllegalArgumentException(label + " over " + elements + " elements in " + seconds + " s: need elements >= 0 and a positive time");
        }
        return (double) bytesPerElement * elements / seconds / 1e6;
    }
}
