package dev.asios.observe.net;

import dev.asios.host.parse.ByteText;
import dev.asios.host.parse.ParseException;
import java.util.ArrayList;
import java.util.List;

// Format of /proc/net/dev (net/core/net-procfs.c): two header lines, then one line per interface of the reader's
// network namespace, its name and a colon, then 8 receive counters (bytes packets errs drop fifo frame compressed
// multicast) and 8 transmit counters (bytes packets errs drop fifo colls carrier compressed):
//  "Inter-|   Receive                                                |  Transmit"
//  " face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed"
//  "  eth0: 187716295    4214    0    0    0     0          0         0   268012    3108    0    0    0     0       0          0"
/**
 * Parses {@code /proc/net/dev}. Pure; {@link #skipHeader} and {@link #counters} allocate nothing,
 * for the collector's every interval; {@link #nameWords} allocates, for when the interfaces
 * changed. Every method throws only {@link ParseException}, quoting the line.
 */
final class NetDevParser {

    /** Counters per interface line: 8 received, then 8 transmitted; later fields are ignored. */
    static final int COUNTERS = 16;
    /** Where the transmit counters start. */
    static final int TRANSMIT = 8;

    private static final int HEADER_LINES = 2;

    private NetDevParser() {
    }

    /** Rewinds {@code text} and moves past the two header lines. */
    static void skipHeader(ByteText text) {
        text.rewind();
        for (int i = 0; i < HEADER_LINES; i++) {
            text.nextLine();
        }
    }

    /**
     * Reads the 16 counters after the name into {@code counters} (at least {@link #COUNTERS} long).
     *
     * @throws ParseException if a counter is not a non-negative whole number, or fewer than 16 are there
     */
    static void counters(ByteText line, long[] counters) {
        for (int i = 0; i < COUNTERS; i++) {
            long value = line.nextLong();
            if (value < 0) {
                throw new ParseException("negative counter in line '" + line.currentLine() + "'");
            }
            counters[i] = value;
        }
    }

    /**
     * The name word ({@code eth0:}, name and colon) of every interface line after the header, in
     * order, each line checked as the collector reads it; blank lines are skipped.
     */
    static List<String> nameWords(ByteText text) {
        List<String> words = new ArrayList<>();
        long[] scratch = new long[COUNTERS];
        skipHeader(text);
        while (text.nextLine()) {
            if (text.hasWord()) {
                String word = text.nextWord();
                if (word.length() < 2 || word.indexOf(':') != word.length() - 1) {
                    throw new ParseException("expected an interface name and a colon, then a space, found '" + word + "' in line '"
                            + text.currentLine() + "'");
                }
                counters(text, scratch);
                words.add(word);
            }
        }
        return words;
    }

    /** The interface name of a name word: {@code eth0} of {@code eth0:}. */
    static String interfaceName(String nameWord) {
        return nameWord.substring(0, nameWord.length() - 1);
    }
}
