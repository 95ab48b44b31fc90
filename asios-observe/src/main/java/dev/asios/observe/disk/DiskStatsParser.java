package dev.asios.observe.disk;

import dev.asios.host.parse.ByteText;
import dev.asios.host.parse.ParseException;
import java.util.ArrayList;
import java.util.List;

// Format of /proc/diskstats (Documentation/admin-guide/iostats.rst), one line per block device and partition:
//  " 254       0 vda 534906 38509 361256058 911344 639911 1727683 428258536 1190781 0 602768 2333750 1745061 32 337047000 224481 75235 7142"
// major, minor and name, then 11 counters (14 fields, Linux 2.6.25 and later), 15 (18 fields, 4.18: discards) or 17
// (20 fields, 5.5: flushes): reads completed, reads merged, sectors read, ms reading, writes completed, writes merged,
// sectors written, ms writing, I/Os in progress, ms doing I/O, weighted ms doing I/O; discards completed, discards
// merged, sectors discarded, ms discarding; flushes completed, ms flushing. A sector is 512 bytes on every device.
/**
 * Parses {@code /proc/diskstats}. Pure; {@link #skipDeviceNumbers} and {@link #counters} allocate
 * nothing, for the collector's every interval; {@link #deviceNames} allocates, for when the
 * devices changed. Every method throws only {@link ParseException}, quoting the line.
 */
final class DiskStatsParser {

    /** Counters of a 14-field line (Linux 2.6.25 and later). */
    static final int BASIC_COUNTERS = 11;
    /** Counters of an 18-field line, with discards (Linux 4.18 and later). */
    static final int WITH_DISCARDS = 15;
    /** Counters of a 20-field line, with flushes (Linux 5.5 and later); later fields are ignored. */
    static final int WITH_FLUSHES = 17;

    private DiskStatsParser() {
    }

    /** Reads the major and minor device numbers that start the current line; the cursor moves to the name. */
    static void skipDeviceNumbers(ByteText line) {
        if (line.nextLong() < 0 || line.nextLong() < 0) {
            throw new ParseException("negative device number in line '" + line.currentLine() + "'");
        }
    }

    /**
     * Reads the counters after the name into {@code counters} (at least {@link #WITH_FLUSHES}
     * long) and returns how many the line has: {@link #BASIC_COUNTERS}, {@link #WITH_DISCARDS} or
     * {@link #WITH_FLUSHES}.
     *
     * @throws ParseException if a counter is not a non-negative whole number, or the line has
     *     another number of counters
     */
    static int counters(ByteText line, long[] counters) {
        int count = 0;
        while (count < WITH_FLUSHES && line.hasWord()) {
            long value = line.nextLong();
            if (value < 0) {
                throw new ParseException("negative counter in line '" + line.currentLine() + "'");
            }
            counters[count++] = value;
        }
        if (count != BASIC_COUNTERS && count != WITH_DISCARDS && count != WITH_FLUSHES) {
            throw new ParseException("expected 11, 15 or 17 counters after the device name, found " + count + " in line '"
                    + line.currentLine() + "'");
        }
        return count;
    }

    /**
     * The name of the device of every line, in order, each line checked as the collector reads it;
     * blank lines are skipped.
     */
    static List<String> deviceNames(ByteText text) {
        List<String> names = new ArrayList<>();
        long[] scratch = new long[WITH_FLUSHES];
        text.rewind();
        while (text.nextLine()) {
            if (text.hasWord()) {
                skipDeviceNumbers(text);
                String name = text.nextWord();
                if (name.isEmpty()) {
                    throw new ParseException("no device name in line '" + text.currentLine() + "'");
                }
                counters(text, scratch);
                names.add(name);
            }
        }
        return names;
    }
}
