package dev.asios.tune.plan;

import dev.asios.host.parse.CpuSet;
import dev.asios.host.parse.ParseException;
import java.util.Locale;

/**
 * How a kernel file shows its value, so that a change can be verified after it is written and its
 * original restored: what is read back is not always what was written ({@code madvise} reads
 * back as {@code always [madvise] never}).
 */
public enum ValueFormat {

    /** One value, compared after trimming: sysctls, {@code nr_hugepages}, {@code read_ahead_kb}. */
    PLAIN {
        @Override
        public String effective(String text) {
            return text.strip();
        }
    },

    // Format: "always [madvise] never": the active choice in brackets
    /** A choice list with the active one in brackets: THP files, I/O schedulers. */
    BRACKETED {
        @Override
        public String effective(String text) {
            String t = text.strip();
            int open = t.indexOf('[');
            int close = t.indexOf(']', open + 1);
            if (open < 0 || close < 0) {
                if (!t.isEmpty() && !t.contains(" ")) {
                    return t;
                }
                throw new ParseException("expected one choice in brackets, found '" + t + "'");
            }
            return t.substring(open + 1, close);
        }
    },

    /** A CPU list ({@code 0-3,8}), compared as a set. */
    CPU_LIST {
        @Override
        public String effective(String text) {
            return CpuSet.parseList(text).toList();
        }
    },

    /** A hex CPU mask ({@code 0000000f}), compared as a set, restored as read. */
    CPU_MASK {
        @Override
        public String effective(String text) {
            return CpuSet.parseMask(text).toMask(0);
        }
    };

    /**
     * The value a file's text stands for, in a canonical form: equal forms mean equal settings, and
     * writing the form back sets it.
     *
     * @throws ParseException if the text does not have this format
     */
    public abstract String effective(String text);

    /** True if the file's text shows {@code desired} as its value. */
    public boolean shows(String text, String desired) {
        return effective(text).toLowerCase(Locale.ROOT).equals(effective(desired).toLowerCase(Locale.ROOT));
    }
}
