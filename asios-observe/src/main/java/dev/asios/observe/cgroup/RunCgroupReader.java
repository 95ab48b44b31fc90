package dev.asios.observe.cgroup;

import dev.asios.host.cgroup.CgroupValueParser;
import dev.asios.host.cgroup.FlatKeyedParser;
import dev.asios.host.cgroup.IoStatParser;
import dev.asios.host.parse.ByteText;
import dev.asios.host.parse.ParseException;
import dev.asios.host.sysroot.Sysroot;
import java.io.IOException;
import java.util.Arrays;

/**
 * Reads a run's cgroup files into one value per {@link RunField}, in the family's unit, or NaN
 * where no file has it. Where two files have a field (a host whose run has both a v2 folder and
 * v1 ones), the first in folder order gives it. Allocates nothing but what opening the files
 * costs. Not thread-safe.
 */
final class RunCgroupReader {

    private static final double MICROS = 1e6;
    private static final double NANOS = 1e9;
    /** v1 cpuacct.stat counts USER_HZ ticks, 100 a second on every Linux architecture. */
    private static final double TICKS = 100;

    private static final String[] CPU_STAT_KEYS = {"usage_usec", "user_usec", "system_usec", "nr_periods", "nr_throttled", "throttled_usec",
        "throttled_time"};
    private static final String[] CPUACCT_STAT_KEYS = {"user", "system"};
    private static final String[] MEMORY_STAT_KEYS = {"anon", "file", "total_rss", "total_cache"};

    private final Sysroot sysroot;
    private final ByteText text = new ByteText();
    private final long[] values = new long[CPU_STAT_KEYS.length];

    RunCgroupReader(Sysroot sysroot) {
        this.sysroot = sysroot;
    }

    /**
     * Fills {@code fields} (one per {@link RunField}) from {@code files}; a file that is gone (the
     * run ended since it was listed) is skipped. False if none could be read.
     *
     * @throws IOException if a file is malformed (the message names it and quotes the line)
     */
    boolean read(RunCgroupFiles files, double[] fields) throws IOException {
        Arrays.fill(fields, Double.NaN);
        boolean any = false;
        for (int i = 0; i < files.size(); i++) {
            if (sysroot.readInto(files.path(i), text)) {
                any = true;
                try {
                    parse(files.kind(i), fields);
                } catch (ParseException e) {
                    throw new IOException(files.path(i) + ": " + e.getMessage(), e);
                }
            }
        }
        return any;
    }

    private void parse(CgroupFile kind, double[] fields) {
        switch (kind) {
            case CPU_STAT -> cpuStat(fields);
            case CPUACCT_USAGE -> first(fields, RunField.CPU, CgroupValueParser.count(text), NANOS);
            case CPUACCT_STAT -> {
                FlatKeyedParser.select(text, CPUACCT_STAT_KEYS, values);
                first(fields, RunField.CPU_USER, values[0], TICKS);
                first(fields, RunField.CPU_SYSTEM, values[1], TICKS);
            }
            case MEMORY_CURRENT, MEMORY_USAGE -> first(fields, RunField.MEMORY, CgroupValueParser.count(text), 1);
            case MEMORY_MAX, MEMORY_LIMIT -> first(fields, RunField.MEMORY_LIMIT, CgroupValueParser.limit(text), 1);
            case MEMORY_STAT -> {
                FlatKeyedParser.select(text, MEMORY_STAT_KEYS, values);
                first(fields, RunField.MEMORY_ANON, values[0] != FlatKeyedParser.ABSENT ? values[0] : values[2], 1);
                first(fields, RunField.MEMORY_FILE, values[1] != FlatKeyedParser.ABSENT ? values[1] : values[3], 1);
            }
            case IO_STAT -> {
                IoStatParser.sumIoStat(text, values);
                first(fields, RunField.IO_READ_BYTES, values[IoStatParser.READ], 1);
                first(fields, RunField.IO_WRITTEN_BYTES, values[IoStatParser.WRITE], 1);
                first(fields, RunField.IO_READS, values[IoStatParser.READ_OPS], 1);
                first(fields, RunField.IO_WRITES, values[IoStatParser.WRITE_OPS], 1);
            }
            case BLKIO_BYTES -> blkio(fields, RunField.IO_READ_BYTES, RunField.IO_WRITTEN_BYTES);
            case BLKIO_SERVICED -> blkio(fields, RunField.IO_READS, RunField.IO_WRITES);
        }
    }

    // v2 has the first six keys; v1's cpu controller has nr_periods, nr_throttled and throttled_time (nanoseconds)
    private void cpuStat(double[] fields) {
        FlatKeyedParser.select(text, CPU_STAT_KEYS, values);
        first(fields, RunField.CPU, values[0], MICROS);
        first(fields, RunField.CPU_USER, values[1], MICROS);
        first(fields, RunField.CPU_SYSTEM, values[2], MICROS);
        first(fields, RunField.CPU_PERIODS, values[3], 1);
        first(fields, RunField.CPU_THROTTLED_PERIODS, values[4], 1);
        first(fields, RunField.CPU_THROTTLED, values[5], MICROS);
        first(fields, RunField.CPU_THROTTLED, values[6], NANOS);
    }

    private void blkio(double[] fields, RunField read, RunField write) {
        IoStatParser.sumBlkio(text, values);
        first(fields, read, values[IoStatParser.READ], 1);
        first(fields, write, values[IoStatParser.WRITE], 1);
    }

    /**
     * Sets a field from a raw value (negative: absent, or unlimited), divided by how many raw units
     * make one of the field's, unless an earlier file set it.
     */
    private static void first(double[] fields, RunField field, long raw, double perUnit) {
        if (raw >= 0 && Double.isNaN(fields[field.ordinal()])) {
            fields[field.ordinal()] = raw / perUnit;
        }
    }
}
