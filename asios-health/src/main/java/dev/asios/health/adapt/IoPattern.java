package dev.asios.health.adapt;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A block device's I/O over a window of rounds: the means of its rates over the active rounds
 * (see {@link DiskSample#active()}) and a typical latency. The latency is the median of the
 * rounds' p99 when every active round has one (the eBPF probe runs), else the median of their
 * mean latencies: a baseline and a trial are compared only on the same measure. Immutable.
 *
 * @param rounds the rounds of the window
 * @param activeRounds the rounds with enough I/O to show a pattern
 * @param readBytesPerSecond mean bytes read per second over the active rounds
 * @param writeBytesPerSecond mean bytes written per second over the active rounds
 * @param iops mean requests completed per second over the active rounds
 * @param queueDepth mean requests in flight over the active rounds
 * @param latencySeconds the median of the active rounds' latency; NaN when none was measured
 * @param latencyMeasure {@value #P99} or {@value #MEAN}: which latency {@code latencySeconds} is
 */
record IoPattern(int rounds, int activeRounds, double readBytesPerSecond, double writeBytesPerSecond, double iops, double queueDepth,
        double latencySeconds, String latencyMeasure) {

    /** The latency is the median of the rounds' block I/O p99 (eBPF). */
    static final String P99 = "p99";
    /** The latency is the median of the rounds' mean request time (diskstats). */
    static final String MEAN = "mean";

    /** The pattern of {@code samples}, oldest first. */
    static IoPattern of(List<DiskSample> samples) {
        List<DiskSample> active = samples.stream().filter(DiskSample::active).toList();
        boolean p99 = !active.isEmpty() && active.stream().allMatch(s -> s.p99LatencySeconds() > 0);
        double[] latencies = active.stream().mapToDouble(s -> p99 ? s.p99LatencySeconds() : s.meanLatencySeconds()).filter(v -> v >= 0).toArray();
        return new IoPattern(samples.size(), active.size(), mean(active, DiskSample::readBytesPerSecond), mean(active, DiskSample::writeBytesPerSecond),
                mean(active, DiskSample::iops), mean(active, DiskSample::queueDepth), median(latencies), p99 ? P99 : MEAN);
    }

    /** Bytes read and written per second. */
    double throughputBytesPerSecond() {
        return readBytesPerSecond + writeBytesPerSecond;
    }

    /** The mean size of a request in bytes; NaN without I/O. */
    double meanRequestBytes() {
        return iops > 0 ? throughputBytesPerSecond() / iops : Double.NaN;
    }

    /** The share of the bytes that were read, 0 to 1; NaN without I/O. */
    double readShare() {
        double total = throughputBytesPerSecond();
        return total > 0 ? readBytesPerSecond / total : Double.NaN;
    }

    /** The share of the rounds that were active, 0 to 1. */
    double activeShare() {
        return rounds == 0 ? 0 : (double) activeRounds / rounds;
    }

    /** The numbers, for audit events: {@code throughput=52.3 MB/s, iops=812, ...}. */
    Map<String, String> numbers(String prefix) {
        Map<String, String> numbers = new LinkedHashMap<>();
        numbers.put(prefix + "throughput-mb-per-s", format(throughputBytesPerSecond() / 1e6));
        numbers.put(prefix + "iops", format(iops));
        numbers.put(prefix + "latency-" + latencyMeasure + "-ms", format(latencySeconds * 1e3));
        numbers.put(prefix + "queue-depth", format(queueDepth));
        numbers.put(prefix + "request-kib", format(meanRequestBytes() / 1024));
        numbers.put(prefix + "read-share", format(readShare()));
        numbers.put(prefix + "active-rounds", activeRounds + "/" + rounds);
        return numbers;
    }

    /** The pattern in one line. */
    String describe() {
        return String.format(Locale.ROOT, "%.1f MB/s, %.0f IOPS, %.0f KiB requests, %.0f%% reads, queue depth %.1f, %s latency %.3f ms",
                throughputBytesPerSecond() / 1e6, iops, meanRequestBytes() / 1024, readShare() * 100, queueDepth, latencyMeasure, latencySeconds * 1e3);
    }

    private static String format(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.3f", value);
    }

    private static double mean(List<DiskSample> samples, java.util.function.ToDoubleFunction<DiskSample> value) {
        return samples.stream().mapToDouble(value).average().orElse(Double.NaN);
    }

    private static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
