package dev.asios.bench.memory;

/**
 * The best bandwidth of each STREAM kernel, in MB/s (10^6 bytes a second, bytes counted as
 * {@link StreamKernel} says). Immutable.
 *
 * @param copy the copy kernel's bandwidth
 * @param scale the scale kernel's bandwidth
 * @param add the add kernel's bandwidth
 * @param triad the triad kernel's bandwidth
 */
public record StreamRates(double copy, double scale, double add, double triad) {

    /**
     * Checks the rates.
     *
     * @throws IllegalArgumentException if a rate is not a positive finite number
     */
    public StreamRates {
        for (StreamKernel kernel : StreamKernel.values()) {
            double rate = rateOf(kernel, copy, scale, add, triad);
            if (!(rate > 0) || Double.isInfinite(rate)) {
                throw new IllegalArgumentException(kernel.label() + " rate must be a positive number of MB/s, not " + rate);
            }
        }
    }

    /** The bandwidth of {@code kernel}, in MB/s. */
    public double of(StreamKernel kernel) {
        return rateOf(kernel, copy, scale, add, triad);
    }

    private static double rateOf(StreamKernel kernel, double copy, double scale, double add, double triad) {
        return switch (kernel) {
            case COPY -> copy;
            case SCALE -> scale;
            case ADD -> add;
            case TRIAD -> triad;
        };
    }
}
