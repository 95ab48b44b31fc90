package dev.asios.observe.collect;

import dev.asios.host.parse.ByteText;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which {@link SeriesRow} each line of a kernel table feeds, for tables such as
 * {@code /proc/diskstats} and {@code /proc/net/dev}: one line per device, named by a word of the
 * line, in an order that changes only when a device comes or goes. Every interval the collector
 * checks each line's name word with {@link #matches}, which allocates nothing; on a mismatch
 * the devices changed, and it lays the table out again with {@link #relayout}, which keeps the
 * rows of the devices still there and removes the series of those gone.
 *
 * <p>A name word that is not printable ASCII cannot be compared without allocating (and, if it
 * is not UTF-8, not at all; Linux allows any bytes in an interface name but {@code /}, {@code :}
 * and white space), nor is it always a valid label value: its line is never tracked, and any
 * word matches it.
 *
 * <p>Not thread-safe: one collector owns it.
 */
public final class TableLayout {

    /** Decides, when the table is laid out again, the row of one line. */
    @FunctionalInterface
    public interface RowChooser {

        /**
         * The row for the line named {@code nameWord}: {@code existing} to keep it, a new row, or
         * null to leave the line untracked (then {@code existing}, if any, is removed).
         *
         * @param line the line's index among the table's data lines
         * @param existing the row the line had before, or null
         */
        SeriesRow rowFor(int line, String nameWord, SeriesRow existing);
    }

    private String[] nameWords = new String[0];
    private boolean[] anyWord = new boolean[0];
    private SeriesRow[] rows = new SeriesRow[0];
    private int tracked;

    /** The number of data lines of the table as last laid out. */
    public int lines() {
        return nameWords.length;
    }

    /** The number of data lines that feed a row. */
    public int tracked() {
        return tracked;
    }

    /**
     * True if the next word of {@code text} is the name word of data line {@code line} as last
     * laid out (any word, for a name that is not printable ASCII); the cursor moves past the
     * word. False also past the last line.
     */
    public boolean matches(int line, ByteText text) {
        return line < nameWords.length && (anyWord[line] ? text.skipWord() : text.wordEquals(nameWords[line]));
    }

    /** The row data line {@code line} feeds, or null if it is not tracked. */
    public SeriesRow row(int line) {
        return rows[line];
    }

    /**
     * Lays the table out for {@code lineNameWords}, the name word of each data line in order
     * (names are unique in a kernel table; of a repeated one the first line keeps its row). The
     * chooser is asked for every line whose name is printable ASCII. Rows that no line keeps are
     * removed from their families.
     */
    public void relayout(List<String> lineNameWords, RowChooser chooser) {
        Map<String, SeriesRow> before = new HashMap<>();
        for (int i = 0; i < nameWords.length; i++) {
            if (rows[i] != null) {
                before.putIfAbsent(nameWords[i], rows[i]);
            }
        }
        String[] words = lineNameWords.toArray(String[]::new);
        boolean[] any = new boolean[words.length];
        SeriesRow[] chosen = new SeriesRow[words.length];
        Set<SeriesRow> kept = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int i = 0; i < words.length; i++) {
            any[i] = !isPrintableAscii(words[i]);
            SeriesRow row = any[i] ? null : chooser.rowFor(i, words[i], before.remove(words[i]));
            if (row != null && kept.add(row)) {
                chosen[i] = row;
            }
        }
        for (SeriesRow row : rows) {
            if (row != null && !kept.contains(row)) {
                row.remove();
            }
        }
        nameWords = words;
        anyWord = any;
        rows = chosen;
        tracked = kept.size();
    }

    private static boolean isPrintableAscii(String word) {
        return word.chars().allMatch(c -> c > ' ' && c < 0x7f);
    }
}
