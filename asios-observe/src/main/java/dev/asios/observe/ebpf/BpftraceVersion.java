package dev.asios.observe.ebpf;

import dev.asios.host.kernel.KernelVersion;
import dev.asios.host.parse.ParseException;

/**
 * A bpftrace release, from {@code bpftrace --version}. Its numbers have the shape of a kernel
 * release's ({@code major.minor.patch}, ordered the same way), so they are kept as one. Immutable.
 *
 * @param numbers the release's major, minor and patch numbers, such as 0.17.0 on Debian 12
 */
public record BpftraceVersion(KernelVersion numbers) implements Comparable<BpftraceVersion> {

    /** The release {@code major.minor.patch}. */
    public BpftraceVersion(int major, int minor, int patch) {
        this(new KernelVersion(major, minor, patch));
    }

    // Format: "bpftrace v0.17.0", "bpftrace v0.21.0-80ca" (a build from git)
    /**
     * Parses the output of {@code bpftrace --version}.
     *
     * @throws ParseException if it has no {@code vMAJOR.MINOR} word
     */
    public static BpftraceVersion parse(String versionOutput) {
        for (String word : versionOutput.strip().split("\\s+")) {
            if (word.length() > 1 && word.charAt(0) == 'v' && Character.isDigit(word.charAt(1))) {
                return new BpftraceVersion(KernelVersion.parse(word.substring(1)));
            }
        }
        String shown = versionOutput.strip();
        throw new ParseException("'bpftrace --version' printed no version: '" + (shown.length() > 80 ? shown.substring(0, 80) + "..." : shown) + "'");
    }

    /** True if this release is {@code major.minor} or later. */
    public boolean atLeast(int major, int minor) {
        return numbers.atLeast(major, minor);
    }

    @Override
    public int compareTo(BpftraceVersion other) {
        return numbers.compareTo(other.numbers);
    }

    @Override
    public String toString() {
        return numbers.toString();
    }
}
