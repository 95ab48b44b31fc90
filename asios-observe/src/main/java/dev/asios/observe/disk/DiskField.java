package dev.asios.observe.disk;

import dev.asios.observe.collect.Column;

/**
 * The fields of a {@code /proc/diskstats} line after the device name, in file order, and the
 * family each one feeds, labelled {@code device}. Sectors become bytes (× 512) and milliseconds
 * seconds; the last six fields exist only on newer kernels.
 */
enum DiskField {
    READS_COMPLETED(Column.counter("asios_disk_reads_completed", "Reads completed by the disk.", null), 1),
    READS_MERGED(Column.counter("asios_disk_reads_merged", "Adjacent reads merged into one before they reached the disk.", null), 1),
    READ_BYTES(Column.counter("asios_disk_read_bytes", "Bytes read from the disk.", "bytes"), Constants.SECTORS_PER_BYTE),
    READ_TIME(Column.counter("asios_disk_read_time_seconds", "Time reads took, summed over all reads.", "seconds"), Constants.MS_PER_SECOND),
    WRITES_COMPLETED(Column.counter("asios_disk_writes_completed", "Writes completed by the disk.", null), 1),
    WRITES_MERGED(Column.counter("asios_disk_writes_merged", "Adjacent writes merged into one before they reached the disk.", null), 1),
    WRITTEN_BYTES(Column.counter("asios_disk_written_bytes", "Bytes written to the disk.", "bytes"), Constants.SECTORS_PER_BYTE),
    WRITE_TIME(Column.counter("asios_disk_write_time_seconds", "Time writes took, summed over all writes.", "seconds"), Constants.MS_PER_SECOND),
    IO_IN_PROGRESS(Column.gauge("asios_disk_io_in_progress", "I/O requests issued to the disk and not yet completed (its queue).", null), 1),
    IO_TIME(Column.counter("asios_disk_io_time_seconds", "Time the disk was busy with at least one request.", "seconds"), Constants.MS_PER_SECOND),
    IO_TIME_WEIGHTED(Column.counter("asios_disk_io_time_weighted_seconds",
            "Time spent on I/O weighted by the requests in flight; its rate is the average queue length.", "seconds"), Constants.MS_PER_SECOND),
    DISCARDS_COMPLETED(Column.counter("asios_disk_discards_completed", "Discards (TRIM) completed by the disk.", null), 1),
    DISCARDS_MERGED(Column.counter("asios_disk_discards_merged", "Adjacent discards merged into one before they reached the disk.", null), 1),
    DISCARDED_BYTES(Column.counter("asios_disk_discarded_bytes", "Bytes discarded (trimmed) on the disk.", "bytes"), Constants.SECTORS_PER_BYTE),
    DISCARD_TIME(Column.counter("asios_disk_discard_time_seconds", "Time discards took, summed over all discards.", "seconds"), Constants.MS_PER_SECOND),
    FLUSHES_COMPLETED(Column.counter("asios_disk_flushes_completed", "Cache flushes completed by the disk.", null), 1),
    FLUSH_TIME(Column.counter("asios_disk_flush_time_seconds", "Time cache flushes took, summed over all flushes.", "seconds"), Constants.MS_PER_SECOND);

    /** All fields, in file order, without the copy {@code values()} makes. */
    static final DiskField[] FIELDS = values();

    private final Column column;
    private final double perUnit;

    DiskField(Column column, double perUnit) {
        this.column = column;
        this.perUnit = perUnit;
    }

    /** The family this field feeds. */
    Column column() {
        return column;
    }

    /** How many of the kernel's units make one of the family's: the kernel's number is divided by it. */
    double perUnit() {
        return perUnit;
    }

    private static final class Constants {
        /** /proc/diskstats counts 512-byte sectors, whatever the device's own sector size (a power of two: exact). */
        static final double SECTORS_PER_BYTE = 1.0 / 512;
        static final double MS_PER_SECOND = 1000;
    }
}
