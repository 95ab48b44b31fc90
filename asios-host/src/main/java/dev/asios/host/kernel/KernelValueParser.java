package dev.asios.host.kernel;

import dev.asios.host.parse.CpuSet;
import dev.asios.host.parse.ParseException;

/**
 * Parsers for the small value formats of sysfs and the boot command line that {@link CpuSet} does
 * not cover. Pure; each throws only {@link ParseException}, quoting the bad text.
 */
public final class KernelValueParser {

    private KernelValueParser() {
    }

    // Format: "0" or "1", surrounding white space allowed
    /** A kernel boolean file: {@code 1} is true, {@code 0} is false. */
    public static boolean parseFlag(String text) {
        return switch (text.strip()) {
            case "1" -> true;
            case "0" -> false;
            default -> throw new ParseException("expected 0 or 1, found '" + KernelText.abbreviate(text) + "'");
        };
    }

    // Format: "2-5,8", "", "(null)" or "\0\n" : isolated and nohz_full say "no CPU" in these ways across kernel versions
    /**
     * A sysfs CPU list in which {@code (null)}, the empty string and a lone NUL byte (what some
     * older kernels print for an empty {@code nohz_full}) all mean no CPU.
     */
    public static CpuSet parseSysfsCpuList(String text) {
        String trimmed = text.replace('\0', ' ').strip();
        return trimmed.equals("(null)") ? CpuSet.empty() : CpuSet.parseList(trimmed);
    }

    // Format: "0 1 2 3" : cpufreq's affected_cpus and related_cpus
    /** A space-separated list of CPU numbers; the empty string is the empty set. */
    public static CpuSet parseSpacedCpuList(String text) {
        String trimmed = text.strip();
        return trimmed.isEmpty() ? CpuSet.empty() : CpuSet.parseList(trimmed.replaceAll("\\s+", ","));
    }

    // Format: "2-5,8", "all", "1-N" : N is the last CPU (Documentation/admin-guide/kernel-parameters.rst)
    /**
     * A CPU list as boot parameters accept it: the list format with stride ({@code 0-7:2/4}),
     * {@code all} for every CPU, and {@code N} for the last CPU.
     *
     * @param lastCpu the number of the highest possible CPU, which {@code N} stands for and
     *     {@code all} ends at; negative when unknown, and then {@code N} and {@code all} are errors
     */
    public static CpuSet parseBootCpuList(String text, int lastCpu) {
        String trimmed = text.strip();
        boolean symbolic = trimmed.equalsIgnoreCase("all") || trimmed.indexOf('N') >= 0;
        if (symbolic && (lastCpu < 0 || lastCpu > CpuSet.MAX_CPU)) {
            throw new ParseException("'" + KernelText.abbreviate(text) + "' needs the last CPU number, which is unknown or out of range: " + lastCpu);
        }
        if (trimmed.equalsIgnoreCase("all")) {
            return CpuSet.parseList("0-" + lastCpu);
        }
        return CpuSet.parseList(symbolic ? trimmed.replace("N", String.valueOf(lastCpu)) : trimmed);
    }
}
