package dev.asios.host.kernel;

import dev.asios.host.parse.ParseException;
import java.util.OptionalLong;

/**
 * What {@code /proc/PID/stat} (or {@code /proc/PID/task/TID/stat}) says about a task that decides
 * whether it can be moved to another cpuset, whether it is stopped, and which task it is: a task
 * id is reused after the task exits, but the pair of id and start time names one task. Immutable.
 *
 * @param pid the task id
 * @param comm the command name, as the kernel shows it in parentheses (up to 15 characters, any bytes)
 * @param state the state letter: {@code R} running, {@code S} sleeping, {@code T} stopped by a signal, ...
 * @param parent the parent's pid; 0 for init and for {@code kthreadd}
 * @param flags the task's {@code PF_*} flags
 * @param startTicks when the task started, in clock ticks after boot (field 22, {@code starttime});
 *     empty when the line is cut short before it
 */
public record TaskStat(long pid, String comm, char state, long parent, long flags, OptionalLong startTicks) {

    /** {@code PF_KTHREAD}: a kernel thread (include/linux/sched.h). */
    public static final long KERNEL_THREAD = 0x0020_0000L;

    /** {@code PF_NO_SETAFFINITY}: the kernel does not let anyone change this task's CPUs (per-CPU kernel threads). */
    public static final long NO_SET_AFFINITY = 0x0400_0000L;

    /** The index of {@code starttime} (field 22) among the fields after the command name (the state is field 3). */
    private static final int START_TIME = 22 - 3;

    /** True when a signal stopped the task ({@code SIGSTOP}, {@code SIGTSTP}). */
    public boolean stopped() {
        return state == 'T';
    }

    /** True for a kernel thread. */
    public boolean kernelThread() {
        return (flags & KERNEL_THREAD) != 0;
    }

    /**
     * True when the task may be moved to a cpuset that does not cover every CPU: not pinned by the
     * kernel, and not {@code kthreadd} (the root of every kernel thread, which the cpuset
     * controller keeps in the root cpuset).
     */
    public boolean movable() {
        return (flags & NO_SET_AFFINITY) == 0 && !(kernelThread() && parent == 0);
    }

    // Format of /proc/PID/stat: "42 (kworker/u4:1) I 2 0 0 0 -1 69238880 0 0 ..." - pid, comm in
    // parentheses (comm itself may hold spaces and parentheses: the last ')' ends it), state,
    // ppid, pgrp, session, tty_nr, tpgid, flags (9), ..., starttime (22), ...
    /**
     * Parses the content of a {@code stat} file.
     *
     * @throws ParseException if the pid, the command name, the parent or the flags are missing or
     *     not numbers, or the start time is there and not a number
     */
    public static TaskStat parse(String text) {
        int open = text.indexOf('(');
        int close = text.lastIndexOf(')');
        if (open < 1 || close < open) {
            throw new ParseException("expected 'PID (COMM) STATE PPID ...', found '" + KernelText.abbreviate(text) + "'");
        }
        long pid = number(text.substring(0, open).strip(), "pid", text);
        String[] fields = text.substring(close + 1).strip().split("\\s+");
        if (fields.length < 7) {
            throw new ParseException("expected at least 7 fields after the command name, found '" + KernelText.abbreviate(text) + "'");
        }
        if (fields[0].length() != 1) {
            throw new ParseException("state '" + KernelText.abbreviate(fields[0]) + "' is not one letter in '" + KernelText.abbreviate(text) + "'");
        }
        OptionalLong start = fields.length > START_TIME ? OptionalLong.of(number(fields[START_TIME], "starttime", text)) : OptionalLong.empty();
        return new TaskStat(pid, text.substring(open + 1, close), fields[0].charAt(0), number(fields[1], "ppid", text),
                number(fields[6], "flags", text), start);
    }

    private static long number(String field, String name, String text) {
        long value = KernelText.parseLong(field, name + " of '" + KernelText.abbreviate(text) + "'");
        if (value < 0) {
            throw new ParseException(name + " '" + field + "' is negative in '" + KernelText.abbreviate(text) + "'");
        }
        return value;
    }
}
