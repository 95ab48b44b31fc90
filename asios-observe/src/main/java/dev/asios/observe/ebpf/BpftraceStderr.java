package dev.asios.observe.ebpf;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The latest lines bpftrace wrote to its standard error, and the one line among them that says
 * why it stopped. bpftrace writes errors and warnings as text there, whatever the output format:
 *
 * <pre>
 * stdin:1:1-30: ERROR: tracepoint not found: sched:sched_switch
 * tracepoint:sched:sched_switch { ... }
 * ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
 * ERROR: bpftrace currently only supports running as the root user.
 * ERROR: Unknown error -1: couldn't set RLIMIT_MEMLOCK for bpftrace. If your program is not loading, ...
 * </pre>
 *
 * The last of these is printed even when the program then loads, so it is the reason only when
 * nothing else was printed. bpftrace also prints some failures as plain text on standard output
 * ({@code No probes to attach}); the supervisor adds such lines here. Keeps at most {@link #MAX_LINES} lines. Thread-safe.
 */
public final class BpftraceStderr {

    /** The most lines kept. */
    public static final int MAX_LINES = 40;

    private static final String ERROR = "ERROR:";
    private static final String MEMLOCK = "RLIMIT_MEMLOCK";
    private static final int MAX_LINE_CHARS = 300;

    private final Deque<String> lines = new ArrayDeque<>();

    /** Keeps {@code line}, dropping the oldest one beyond {@link #MAX_LINES}; long lines are cut. */
    public synchronized void add(String line) {
        if (line.isBlank()) {
            return;
        }
        lines.addLast(line.length() > MAX_LINE_CHARS ? line.substring(0, MAX_LINE_CHARS) + "..." : line.strip());
        if (lines.size() > MAX_LINES) {
            lines.removeFirst();
        }
    }

    /** Forgets all lines, for the next run of the process. */
    public synchronized void clear() {
        lines.clear();
    }

    /** The lines kept, oldest first. */
    public synchronized List<String> lines() {
        return new ArrayList<>(lines);
    }

    /**
     * Why the process stopped, in one line: its last error other than the memory-lock notice,
     * else its last line other than that notice, else the notice, else the exit status alone.
     *
     * @param exitStatus the process' exit status; above 128 when a signal killed it
     */
    public String reason(int exitStatus) {
        String status = exitStatus > 128 ? "bpftrace was killed by signal " + (exitStatus - 128) : "bpftrace exited with status " + exitStatus;
        List<String> kept = lines();
        String lastOther = null;
        String memlock = null;
        for (int i = kept.size() - 1; i >= 0; i--) {
            String line = kept.get(i);
            if (line.contains(MEMLOCK)) {
                memlock = memlock == null ? line : memlock;
            } else if (line.contains(ERROR)) {
                return status + ": " + line;
            } else if (lastOther == null) {
                lastOther = line;
            }
        }
        String detail = lastOther != null ? lastOther : memlock;
        return detail == null ? status : status + ": " + detail;
    }
}
