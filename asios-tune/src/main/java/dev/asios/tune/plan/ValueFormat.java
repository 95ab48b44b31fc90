package dev.asios.tune.plan;

import dev.asios.host.parse.CpuSet;
import dev.asios.host.parse.ParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

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
    },

    // Format of cgroup.subtree_control: "cpu io memory pids"; written as "+cpuset -io"
    /**
     * The controllers a cgroup v2 folder enables for its children ({@code cgroup.subtree_control}):
     * a set of names, changed by writing {@code +name} and {@code -name}.
     */
    CONTROLLERS {
        @Override
        public String effective(String text) {
            return String.join(" ", Arrays.stream(text.strip().split("\\s+")).filter(w -> !w.isEmpty()).sorted().distinct().toList());
        }

        /** The edits ({@code +name}, {@code -name}) that turn {@code currentText} into {@code desired}. */
        @Override
        public String toWrite(String desired, String currentText) {
            Set<String> want = Set.of(effective(desired).split(" "));
            Set<String> have = Set.of(effective(currentText).split(" "));
            List<String> edits = new ArrayList<>();
            want.stream().filter(c -> !c.isEmpty() && !have.contains(c)).sorted().forEach(c -> edits.add("+" + c));
            have.stream().filter(c -> !c.isEmpty() && !want.contains(c)).sorted().forEach(c -> edits.add("-" + c));
            return String.join(" ", edits);
        }
    };

    /**
     * The value a file's text stands for, in a canonical form: equal forms mean equal settings, and
     * writing the form back sets it.
     *
     * @throws ParseException if the text does not have this format
     */
    public abstract String effective(String text);

    /**
     * What to write to a file whose text is {@code currentText} so that it shows {@code desired}:
     * the value itself, except for a format changed by edits ({@link #CONTROLLERS}).
     */
    public String toWrite(String desired, String currentText) {
        return desired;
    }

    /** True if the file's text shows {@code desired} as its value. */
    public boolean shows(String text, String desired) {
        return effective(text).toLowerCase(Locale.ROOT).equals(effective(desired).toLowerCase(Locale.ROOT));
    }
}
