package dev.asios.host.cgroup;

import dev.asios.host.parse.ByteText;
import dev.asios.host.parse.ParseException;
import java.util.Arrays;

/**
 * Parses a cgroup's I/O statistics, summed over its devices: cgroup v2's nested keyed
 * {@code io.stat}, and cgroup v1's {@code blkio.throttle.io_service_bytes} and
 * {@code blkio.throttle.io_serviced} tables. Pure; allocates nothing unless it throws.
 */
public final class IoStatParser {

    /** Index of the bytes read in the totals of {@link #sumIoStat}, and of reads in {@link #sumBlkio}. */
    public static final int READ = 0;
    /** Index of the bytes written in the totals of {@link #sumIoStat}, and of writes in {@link #sumBlkio}. */
    public static final int WRITE = 1;
    /** Index of the read operations in the totals of {@link #sumIoStat}. */
    public static final int READ_OPS = 2;
    /** Index of the write operations in the totals of {@link #sumIoStat}. */
    public static final int WRITE_OPS = 3;

    private static final String[] BLKIO_OPERATIONS = {"Read", "Write"};

    private IoStatParser() {
    }

    // Format of io.stat: "8:0 rbytes=90112 wbytes=4096 rios=22 wios=1 dbytes=0 dios=0", one line per device
    // that has done I/O (dbytes and dios since Linux 5.2; more keys, such as cost.*, may follow)
    /**
     * Sums {@code rbytes}, {@code wbytes}, {@code rios} and {@code wios} over the devices of the
     * {@code io.stat} in {@code text} into {@code totals} at {@link #READ}, {@link #WRITE},
     * {@link #READ_OPS} and {@link #WRITE_OPS}; an empty file (no I/O yet) gives zeros.
     *
     * @throws ParseException if a device's line lacks one of the four keys or its number, or a
     *     number is negative or the sum overflows (the message quotes the line)
     * @throws IllegalArgumentException if {@code totals} has fewer than four elements
     */
    public static void sumIoStat(ByteText text, long[] totals) {
        clear(totals, 4);
        text.rewind();
        while (text.nextLine()) {
            if (text.hasWord()) {
                add(totals, READ, text.longAfter("rbytes="), text);
                add(totals, WRITE, text.longAfter("wbytes="), text);
                add(totals, READ_OPS, text.longAfter("rios="), text);
                add(totals, WRITE_OPS, text.longAfter("wios="), text);
            }
        }
    }

    // Format of blkio.throttle.io_service_bytes and io_serviced: "8:0 Read 90112\n8:0 Write 4096\n8:0 Sync 0\n
    // 8:0 Async 94208\n8:0 Discard 0\n8:0 Total 94208\nTotal 94208\n"; a cgroup without I/O has only "Total 0"
    /**
     * Sums the {@code Read} and {@code Write} lines of a v1 blkio table over its devices into
     * {@code totals} at {@link #READ} and {@link #WRITE} (bytes for {@code io_service_bytes},
     * operations for {@code io_serviced}); the other lines are skipped.
     *
     * @throws ParseException if a {@code Read} or {@code Write} line has no non-negative number, or
     *     the sum overflows (the message quotes the line)
     * @throws IllegalArgumentException if {@code totals} has fewer than two elements
     */
    public static void sumBlkio(ByteText text, long[] totals) {
        clear(totals, 2);
        text.rewind();
        while (text.nextLine()) {
            if (text.skipWord()) {
                int operation = text.nextWordIndex(BLKIO_OPERATIONS);
                if (operation >= 0) {
                    add(totals, operation, text.nextLong(), text);
                }
            }
        }
    }

    private static void clear(long[] totals, int size) {
        if (totals.length < size) {
            throw new IllegalArgumentException("need " + size + " totals, given " + totals.length);
        }
        Arrays.fill(totals, 0, size, 0);
    }

    private static void add(long[] totals, int index, long value, ByteText text) {
        if (value < 0) {
            throw new ParseException("negative count in line '" + text.currentLine() + "'");
        }
        if (totals[index] > Long.MAX_VALUE - value) {
            throw new ParseException("counts add up beyond 2^63 in line '" + text.currentLine() + "'");
        }
        totals[index] += value;
    }
}
