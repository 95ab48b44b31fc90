package dev.asios.host.kernel;

import dev.asios.host.parse.ParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Parses the kernel's mount tables. Pure; throws only {@link ParseException}. White space inside
 * paths is written by the kernel as an octal escape ({@code \040}), so fields never hold spaces.
 */
public final class MountTableParser {

    private MountTableParser() {
    }

    // Format: "36 35 98:0 /mnt1 /mnt2 rw,noatime master:1 - ext3 /dev/root rw,errors=continue"
    /**
     * Parses {@code /proc/self/mountinfo}: ID, parent ID, device, root, mount point, mount options,
     * optional fields, {@code -}, type, source, super-block options.
     *
     * @throws ParseException if a line lacks the {@code -} separator or a required field
     */
    public static List<MountEntry> parseMountinfo(String text) {
        List<MountEntry> mounts = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            List<String> fields = Arrays.asList(line.strip().split("\\s+"));
            int separator = fields.indexOf("-");
            if (separator < 6 || fields.size() < separator + 3) {
                throw new ParseException("mountinfo line '" + KernelText.abbreviate(line) + "' lacks '- TYPE SOURCE' after six fields");
            }
            List<String> options = new ArrayList<>(splitOptions(fields.get(5)));
            if (fields.size() > separator + 3) {
                options.addAll(splitOptions(fields.get(separator + 3)));
            }
            mounts.add(new MountEntry(unescape(fields.get(4)), unescape(fields.get(separator + 1)), options, unescape(fields.get(separator + 2))));
        }
        return mounts;
    }

    // Format: "cgroup /sys/fs/cgroup/cpuset cgroup rw,nosuid,relatime,cpuset 0 0"
    /**
     * Parses {@code /proc/mounts} (the same as {@code /etc/mtab}): source, mount point, type,
     * options, and two numbers that old kernels sometimes leave out.
     *
     * @throws ParseException if a line has fewer than four fields
     */
    public static List<MountEntry> parseMounts(String text) {
        List<MountEntry> mounts = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] fields = line.strip().split("\\s+");
            if (fields.length < 4) {
                throw new ParseException("mounts line '" + KernelText.abbreviate(line) + "' has fewer than 4 fields");
            }
            mounts.add(new MountEntry(unescape(fields[1]), unescape(fields[2]), splitOptions(fields[3]), unescape(fields[0])));
        }
        return mounts;
    }

    /** Decodes the kernel's three-digit octal escapes ({@code \040} is a space); other text is kept. */
    static String unescape(String field) {
        if (field.indexOf('\\') < 0) {
            return field;
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < field.length()) {
            char c = field.charAt(i);
            if (c == '\\' && i + 3 < field.length() && isOctal(field, i + 1)) {
                out.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
                i += 4;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static boolean isOctal(String field, int from) {
        for (int i = from; i < from + 3; i++) {
            char c = field.charAt(i);
            if (c < '0' || c > '7') {
                return false;
            }
        }
        return true;
    }

    private static List<String> splitOptions(String options) {
        return Arrays.stream(options.split(",")).filter(o -> !o.isEmpty()).toList();
    }
}
