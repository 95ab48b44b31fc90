package dev.asios.tune.plan;

import dev.asios.host.parse.ParseException;

/**
 * One task (a thread) of the host, as a {@link Operation#SET_AFFINITY} change names it: its
 * process and thread ids and its start time, since an id is given to a new task once the old one
 * exits. Its {@link #path()} is the change's path and journal key, so a task that reuses the id of
 * an earlier one is a change of its own. Immutable.
 *
 * @param pid the process (thread group) id
 * @param tid the thread id; the pid for a process's main thread
 * @param startTicks when the thread started, in clock ticks after boot ({@code starttime} of its {@code stat})
 */
public record TaskRef(long pid, long tid, long startTicks) {

    /**
     * Checks the ids.
     *
     * @throws IllegalArgumentException if an id is not in 1..2^31-1 or the start time is negative
     */
    public TaskRef {
        if (pid <= 0 || pid > Integer.MAX_VALUE || tid <= 0 || tid > Integer.MAX_VALUE || startTicks < 0) {
            throw new IllegalArgumentException("a task needs ids in 1.." + Integer.MAX_VALUE + " and a start time of 0 or more, not pid " + pid
                    + ", tid " + tid + ", start " + startTicks);
        }
    }

    // Format: "/proc/PID/task/TID@STARTTICKS"
    /**
     * The task a path names.
     *
     * @throws ParseException if the path does not have the form {@code /proc/PID/task/TID@STARTTICKS}
     */
    public static TaskRef parse(String path) {
        String[] parts = path.split("/", -1);
        int at = parts.length == 5 ? parts[4].indexOf('@') : -1;
        if (at < 0 || !parts[0].isEmpty() || !parts[1].equals("proc") || !parts[3].equals("task")) {
            throw new ParseException("expected a task as /proc/PID/task/TID@STARTTICKS, found '" + path + "'");
        }
        try {
            return new TaskRef(Long.parseLong(parts[2]), Long.parseLong(parts[4].substring(0, at)), Long.parseLong(parts[4].substring(at + 1)));
        } catch (IllegalArgumentException e) {
            throw new ParseException("expected a task as /proc/PID/task/TID@STARTTICKS, found '" + path + "': " + e.getMessage());
        }
    }

    /** The task's {@code /proc} folder: {@code /proc/PID/task/TID}. */
    public String folder() {
        return "/proc/" + pid + "/task/" + tid;
    }

    /** The path of a change to this task: {@code /proc/PID/task/TID@STARTTICKS}. */
    public String path() {
        return folder() + "@" + startTicks;
    }
}
