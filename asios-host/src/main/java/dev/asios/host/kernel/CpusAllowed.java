package dev.asios.host.kernel;

import dev.asios.host.parse.CpuSet;
import dev.asios.host.parse.ParseException;

/**
 * The CPUs a task may run on (its affinity, what {@code sched_getaffinity} shows), from its
 * {@code /proc/PID/task/TID/status} file. Pure and stateless.
 */
public final class CpusAllowed {

    private static final String KEY = "Cpus_allowed_list:";

    private CpusAllowed() {
    }

    // Format: "Name:\tbash\n...\nCpus_allowed:\t3\nCpus_allowed_list:\t0-1\nMems_allowed:\t..." - one key and its value a line
    /**
     * The {@code Cpus_allowed_list} of a task's {@code status}.
     *
     * @throws ParseException if the line is missing or its value is not a CPU list
     */
    public static CpuSet parse(String status) {
        for (String line : status.split("\n")) {
            if (line.startsWith(KEY)) {
                return CpuSet.parseList(line.substring(KEY.length()));
            }
        }
        throw new ParseException("a task's status has no " + KEY + " line");
    }
}
