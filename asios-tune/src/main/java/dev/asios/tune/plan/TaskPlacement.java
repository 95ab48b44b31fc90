package dev.asios.tune.plan;

import dev.asios.host.parse.CpuSet;
import dev.asios.host.parse.ParseException;
import java.util.Optional;

/**
 * Where a task may run, the state of a {@link Operation#SET_AFFINITY} change: the CPUs of its
 * affinity, and, when the change moves it between cpusets, the cpuset folder it is in. Written as
 * {@code 0-3} or {@code 0-3 in /sys/fs/cgroup/cpuset/asios-housekeeping}. Immutable.
 *
 * @param cpus the CPUs it may run on
 * @param cpuset the cgroup folder (a host path) of the cpuset hierarchy it is in; empty when the
 *     change leaves its cgroups alone
 */
public record TaskPlacement(CpuSet cpus, Optional<String> cpuset) {

    private static final String IN = " in ";

    /**
     * Checks the parts.
     *
     * @throws IllegalArgumentException if there is no CPU, or the folder is not an absolute path
     */
    public TaskPlacement {
        if (cpus.isEmpty()) {
            throw new IllegalArgumentException("a task's placement needs at least one CPU");
        }
        if (cpuset.filter(folder -> !folder.startsWith("/")).isPresent()) {
            throw new IllegalArgumentException("a cpuset folder is an absolute path, not '" + cpuset.get() + "'");
        }
    }

    /** The placement on {@code cpus}, in the cpuset folder {@code cpuset} if not null. */
    public static TaskPlacement of(CpuSet cpus, String cpuset) {
        return new TaskPlacement(cpus, Optional.ofNullable(cpuset));
    }

    // Format: "CPULIST" or "CPULIST in FOLDER"
    /**
     * Reads the text form.
     *
     * @throws ParseException if the CPU list is not one or the folder is not an absolute path
     */
    public static TaskPlacement parse(String text) {
        int in = text.indexOf(IN);
        try {
            return in < 0 ? new TaskPlacement(CpuSet.parseList(text.strip()), Optional.empty())
                    : new TaskPlacement(CpuSet.parseList(text.substring(0, in).strip()), Optional.of(text.substring(in + IN.length()).strip()));
        } catch (IllegalArgumentException | ParseException e) {
            throw new ParseException("expected a task's placement as 'CPULIST' or 'CPULIST in FOLDER', found '" + text + "': " + e.getMessage());
        }
    }

    /** The canonical text form: equal placements have equal texts. */
    public String text() {
        return cpus.toList() + cpuset.map(folder -> IN + folder).orElse("");
    }
}
