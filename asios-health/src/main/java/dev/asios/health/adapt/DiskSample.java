package dev.asios.health.adapt;

import dev.asios.health.signal.GroupObservation;
import dev.asios.health.signal.SignalNames.Disk;

/**
 * One round of one block device's I/O, read from its {@code disk/NAME} signal group. Values not
 * measured this round are NaN.
 *
 * @param epochMs when the round was collected, ms since the epoch
 * @param readBytesPerSecond bytes read per second
 * @param writeBytesPerSecond bytes written per second
 * @param iops reads and writes completed per second
 * @param queueDepth mean requests in flight
 * @param meanLatencySeconds mean time of the requests completed in the round
 * @param p99LatencySeconds 99th percentile of the eBPF block latency histogram; NaN without the probe
 */
record DiskSample(long epochMs, double readBytesPerSecond, double writeBytesPerSecond, double iops, double queueDepth, double meanLatencySeconds,
        double p99LatencySeconds) {

    /** Fewer requests per second than this and the round says nothing about the pattern: the device is idle. */
    static final double MIN_ACTIVE_IOPS = 5;

    /** The sample of one disk group's observation. */
    static DiskSample of(GroupObservation observed) {
        return new DiskSample(observed.observation().epochMs(), observed.value(Disk.READ_BYTES_PER_SECOND), observed.value(Disk.WRITE_BYTES_PER_SECOND),
                observed.value(Disk.IOPS), observed.value(Disk.QUEUE_DEPTH), observed.value(Disk.MEAN_LATENCY_SECONDS),
                observed.value(Disk.BLOCK_LATENCY_P99_SECONDS));
    }

    /** Whether the device did enough I/O this round, with every rate measured, to show a pattern. */
    boolean active() {
        return iops >= MIN_ACTIVE_IOPS && readBytesPerSecond >= 0 && writeBytesPerSecond >= 0 && queueDepth >= 0;
    }
}
