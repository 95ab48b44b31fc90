package dev.asios.bench.memory;

/**
 * What the {@code stream} stressor of stress-ng measured, summed over its instances. stress-ng
 * runs copy, scale, add and triad in a loop over each instance's own arrays and counts, as STREAM
 * does, each element read or written once; its rates are over the time spent in the four kernels,
 * in its "MB", which is 2^20 bytes. Immutable.
 *
 * @param instances how many instances (processes) reported
 * @param readMibPerSecond the read rate of all instances together, in MiB/s
 * @param writeMibPerSecond the write rate of all instances together, in MiB/s
 */
public record StressNgStreamRate(int instances, double readMibPerSecond, double writeMibPerSecond) {

    private static final double MIB_IN_MB = (1 << 20) / 1e6;

    /**
     * The read and write rates together in MB/s (10^6 bytes a second): the STREAM bandwidth of
     * the four kernels run one after the other, each weighted by the bytes it moves (16 an
     * element for copy and scale, 24 for add and triad).
     */
    public double megabytesPerSecond() {
        return (readMibPerSecond + writeMibPerSecond) * MIB_IN_MB;
    }
}
