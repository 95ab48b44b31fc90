package dev.asios.health.signal;

import dev.asios.health.signal.SignalNames.Disk;
import java.util.Arrays;

/**
 * {@code disk/NAME} for every device of {@code asios_disk_reads_completed_total{device}}: bytes
 * and requests per second, the mean latency (read and write time over reads and writes
 * completed), the busy share and queue depth (rates of {@code io_time} and
 * {@code io_time_weighted}), and the p50 and p99 of {@code asios_block_io_latency_seconds{device}}.
 */
final class DiskKind extends SignalKind {

    static final String READS = "asios_disk_reads_completed";
    static final String WRITES = "asios_disk_writes_completed";
    static final String READ_BYTES = "asios_disk_read_bytes";
    static final String WRITTEN_BYTES = "asios_disk_written_bytes";
    static final String READ_TIME = "asios_disk_read_time_seconds";
    static final String WRITE_TIME = "asios_disk_write_time_seconds";
    static final String IO_TIME = "asios_disk_io_time_seconds";
    static final String IO_TIME_WEIGHTED = "asios_disk_io_time_weighted_seconds";
    static final String BLOCK_LATENCY = "asios_block_io_latency_seconds";

    DiskKind() {
        super(READS, WRITES, READ_BYTES, WRITTEN_BYTES, READ_TIME, WRITE_TIME, IO_TIME, IO_TIME_WEIGHTED, BLOCK_LATENCY);
    }

    @Override
    void build(KindBuild build) {
        SeriesLookup lookup = build.lookup();
        for (String device : lookup.firstLabels(READS)) {
            build.group(Disk.KIND, device)
                    .add(Disk.READ_BYTES_PER_SECOND, build.rate(lookup.series(READ_BYTES, device)))
                    .add(Disk.WRITE_BYTES_PER_SECOND, build.rate(lookup.series(WRITTEN_BYTES, device)))
                    .add(Disk.IOPS, build.rate(lookup.series(READS, device), lookup.series(WRITES, device)))
                    .add(Disk.MEAN_LATENCY_SECONDS, build.changeRatio(
                            Arrays.asList(lookup.series(READ_TIME, device), lookup.series(WRITE_TIME, device)),
                            Arrays.asList(lookup.series(READS, device), lookup.series(WRITES, device)), Double.NaN))
                    .add(Disk.UTILIZATION_RATIO, build.rate(lookup.series(IO_TIME, device)))
                    .add(Disk.QUEUE_DEPTH, build.rate(lookup.series(IO_TIME_WEIGHTED, device)))
                    .add(Disk.BLOCK_LATENCY_P50_SECONDS, build.quantile(lookup.histogram(BLOCK_LATENCY, device), 0.5))
                    .add(Disk.BLOCK_LATENCY_P99_SECONDS, build.quantile(lookup.histogram(BLOCK_LATENCY, device), 0.99))
                    .done();
        }
    }
}
