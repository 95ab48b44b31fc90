package dev.asios.host.kernel;

import dev.asios.host.parse.ParseException;
import java.util.Comparator;

/**
 * The numeric part of a kernel release: {@code 6.8.0-45-generic} is 6.8.0. Ordered by major, then
 * minor, then patch. Immutable.
 *
 * @param major the major version, for example 6
 * @param minor the minor version, for example 8
 * @param patch the patch level (stable release), 0 when the release has none
 */
public record KernelVersion(int major, int minor, int patch) implements Comparable<KernelVersion> {

    private static final Comparator<KernelVersion> ORDER = Comparator.comparingInt(KernelVersion::major)
            .thenComparingInt(KernelVersion::minor)
            .thenComparingInt(KernelVersion::patch);

    private static final int MAX_DIGITS = 9;

    // Format: "6.8.0-45-generic", "4.14.0-49.el7a.ppc64le", "6.1" : major.minor[.patch] then anything
    /**
     * Parses the leading {@code major.minor[.patch]} of a release string; what follows the numbers
     * (a distribution suffix) is ignored.
     *
     * @throws ParseException if the text does not start with at least {@code major.minor}
     */
    public static KernelVersion parse(String release) {
        String text = release.strip();
        int[] parts = new int[3];
        int count = 0;
        int position = 0;
        while (count < 3) {
            int end = position;
            while (end < text.length() && end - position <= MAX_DIGITS && text.charAt(end) >= '0' && text.charAt(end) <= '9') {
                end++;
            }
            if (end == position || end - position > MAX_DIGITS) {
                break;
            }
            parts[count++] = Integer.parseInt(text.substring(position, end));
            if (end >= text.length() || text.charAt(end) != '.') {
                break;
            }
            position = end + 1;
        }
        if (count < 2) {
            throw new ParseException("kernel release '" + KernelText.abbreviate(text) + "' does not start with major.minor");
        }
        return new KernelVersion(parts[0], parts[1], parts[2]);
    }

    /** True if this version is {@code major.minor} or later (any patch level). */
    public boolean atLeast(int major, int minor) {
        return compareTo(new KernelVersion(major, minor, 0)) >= 0;
    }

    @Override
    public int compareTo(KernelVersion other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }
}
