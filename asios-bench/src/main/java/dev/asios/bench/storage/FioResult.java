package dev.asios.bench.storage;

/**
 * What one fio run measured, summed over its jobs (one with {@code --group_reporting}). Immutable.
 *
 * @param version fio's version, for example {@code fio-3.33}; empty if the output has none
 * @param read what the jobs read
 * @param write what the jobs wrote
 */
public record FioResult(String version, Throughput read, Throughput write) {

    /**
     * The traffic of one direction. Immutable.
     *
     * @param ioBytes the bytes moved
     * @param runtimeMs the longest job's run time, in milliseconds
     * @param bandwidthBytesPerSecond fio's bandwidth ({@code bw_bytes}), summed over the jobs
     */
    public record Throughput(long ioBytes, long runtimeMs, long bandwidthBytesPerSecond) {

        /** No traffic. */
        public static final Throughput NONE = new Throughput(0, 0, 0);

        /** Checks that no value is negative. */
        public Throughput {
            if (ioBytes < 0 || runtimeMs < 0 || bandwidthBytesPerSecond < 0) {
                throw new IllegalArgumentException("negative fio traffic: " + ioBytes + " bytes, " + runtimeMs + " ms, "
                        + bandwidthBytesPerSecond + " B/s");
            }
        }

        /** True if bytes were moved. */
        public boolean any() {
            return ioBytes > 0;
        }

        /**
         * The bandwidth in GB/s (10^9 bytes per second): fio's {@code bw_bytes}, or the bytes over
         * the run time where fio gave none; 0 without traffic.
         */
        public double gigabytesPerSecond() {
            if (bandwidthBytesPerSecond > 0) {
                return bandwidthBytesPerSecond / 1e9;
            }
            return runtimeMs == 0 ? 0 : ioBytes / (runtimeMs * 1e6);
        }
    }
}
