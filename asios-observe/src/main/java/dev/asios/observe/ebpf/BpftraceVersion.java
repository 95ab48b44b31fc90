package dev.asios.observe.ebpf;

import dev.asios.host.kernel.KernelVersion;
import dev.asios.host.parse.ParseException;
import java.util.Comparator;

/**
 * A bpftrace release, from {@code bpftrace --version}, ordered by major, minor and patch.
 * Immutable.
 *
 * @param major the major version (0 so far)
 * @param minor the minor version, such as 17 for Debian 12's 0.17.0
 * @param patch the patch level
 */
public record BpftraceVersion(int major, int minor, int patch) implements Comparable<BpftraceVersion> {

    private static final Comparator<BpftraceVersion> ORDER = Comparator.comparingInt(BpftraceVersion::major)
            .thenComparingInt(BpftraceVersion::minor)
            .thenComparingInt(BpftraceVersion::patch);

    // Format: "bpftrace v0.17.0", "bpftrace v0.21.0-80ca" (a build from git)
    /**
     * Parses the output of {@code bpftrace --version}.
     *
     * @throws ParseException if it has no {@code vMAJOR.MINOR} word
     */
    public static BpftraceVersion parse(String versionOutput) {
        for (String word : versionOutput.strip().split("\\s+")) {
            if (word.length() > 1 && word.charAt(0) == 'v' && Character.isDigit(word.charAt(1))) {
                KernelVersion numbers = KernelVersion.parse(word.substring(1));
                return new BpftraceVersion(numbers.major(), numbers.minor(), numbers.patch());
            }
        }
        String shown = versionOutput.strip();
        throw new ParseException("'bpftrace --version' printed no version: '" + (shown.length() > 80 ? shown.substring(0, 80) + "..." : shown) + "'");
    }

    /** True if this release is {@code major.minor} or later. */
    public boolean atLeast(int otherMajor, int otherMinor) {
        return compareTo(new BpftraceVersion(otherMajor, otherMinor, 0)) >= 0;
    }

    @Override
    public int compareTo(BpftraceVersion other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }
}
