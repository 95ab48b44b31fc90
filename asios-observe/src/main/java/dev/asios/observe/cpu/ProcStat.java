package dev.asios.observe.cpu;

import dev.asios.host.parse.ByteText;
import dev.asios.host.parse.ParseException;
import dev.asios.observe.kerneltext.TextSample;
import java.util.Arrays;

/**
 * One reading of {@code /proc/stat}: the time of each online CPU in each mode, in ticks of
 * {@code USER_HZ}, and the machine-wide counters of context switches, forks and runnable and
 * blocked tasks. The {@code cpu} line (the sum of all CPUs) is skipped. Not thread-safe.
 */
final class ProcStat implements TextSample {

    /** The modes read from each {@code cpuN} line, in the kernel's column order. */
    static final String[] MODES = {"user", "nice", "system", "idle", "iowait", "irq", "softirq", "steal"};

    private static final String[] KEYS = {"ctxt", "processes", "procs_running", "procs_blocked"};
    private static final int CONTEXT_SWITCHES = 0;
    private static final int FORKS = 1;
    private static final int RUNNING = 2;
    private static final int BLOCKED = 3;

    private final CpuIds cpus = new CpuIds();
    private long[] ticks = new long[16 * MODES.length];
    private final long[] counters = new long[KEYS.length];
    private final boolean[] found = new boolean[KEYS.length];

    // Format: "cpu  1507 183 455 2390 13 0 37 31 0 0\ncpu0 774 89 213 1200 3 0 16 14 0 0\nintr 36193 0 ...\nctxt 46380687\nprocesses 267047\nprocs_running 1\nprocs_blocked 0"
    /**
     * Reads the CPU lines and the four counters.
     *
     * @throws ParseException if a {@code cpuN} line has fewer than the 8 times user .. steal
     *     (kernels before 2.6.11), CPUs repeat or are out of order, or a counter line is missing
     */
    @Override
    public void parse(ByteText text) {
        cpus.clear();
        Arrays.fill(found, false);
        while (text.nextLine()) {
            if (text.lineStartsWith("cpu ")) {
                continue;
            }
            if (text.lineStartsWith("cpu")) {
                cpuLine(text);
                continue;
            }
            int key = text.nextWordIndex(KEYS);
            if (key >= 0) {
                counters[key] = text.nextLong();
                found[key] = true;
            }
        }
        for (int i = 0; i < KEYS.length; i++) {
            if (!found[i]) {
                throw new ParseException("no '" + KEYS[i] + "' line; expected the format of /proc/stat");
            }
        }
    }

    private void cpuLine(ByteText text) {
        int index = cpus.add(text.nextLongAfterPrefix("cpu"), text);
        if (ticks.length < (index + 1) * MODES.length) {
            ticks = Arrays.copyOf(ticks, ticks.length * 2);
        }
        for (int mode = 0; mode < MODES.length; mode++) {
            if (!text.hasWord()) {
                throw new ParseException("line '" + text.currentLine() + "' has " + mode + " times; expected at least " + MODES.length
                        + " (" + String.join(" ", MODES) + ")");
            }
            ticks[index * MODES.length + mode] = text.nextLong();
        }
    }

    /** The online CPUs, one per {@code cpuN} line. */
    CpuIds cpus() {
        return cpus;
    }

    /** The ticks of the CPU at {@code index} of {@link #cpus()} in mode {@code mode} (an index of {@link #MODES}). */
    long ticks(int index, int mode) {
        return ticks[index * MODES.length + mode];
    }

    /** Context switches since boot ({@code ctxt}). */
    long contextSwitches() {
        return counters[CONTEXT_SWITCHES];
    }

    /** Processes and threads created since boot ({@code processes}). */
    long forks() {
        return counters[FORKS];
    }

    /** Tasks runnable now ({@code procs_running}). */
    long procsRunning() {
        return counters[RUNNING];
    }

    /** Tasks blocked on I/O now ({@code procs_blocked}). */
    long procsBlocked() {
        return counters[BLOCKED];
    }
}
