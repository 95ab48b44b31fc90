package dev.asios.observe.cpu;

import dev.asios.host.parse.ByteText;
import dev.asios.host.parse.ParseException;
import dev.asios.observe.kerneltext.TextSample;
import java.util.Arrays;

/**
 * One reading of {@code /proc/schedstat} (kernels built with {@code CONFIG_SCHEDSTATS}): the time
 * tasks spent waiting on each online CPU's run queue, in nanoseconds. Only the versions whose
 * {@code cpuN} line is known are read: 15 (for many years) and 16 and 17 (recent 6.x kernels) all
 * have the nine fields of Documentation/scheduler/sched-stats.rst; their {@code domainN} lines
 * differ and are skipped. A newer version may change the line, so it is refused rather than
 * misread. Not thread-safe.
 */
final class Schedstat implements TextSample {

    /** The oldest version read. */
    static final int FIRST_VERSION = 15;
    /** The newest version read. */
    static final int LAST_VERSION = 17;

    /** Fields of a {@code cpuN} line before {@code run_delay}, the 8th. */
    private static final int FIELDS_BEFORE_RUN_DELAY = 7;

    private final CpuIds cpus = new CpuIds();
    private long[] runDelayNs = new long[16];

    // Format: "version 15\ntimestamp 4295215588\ncpu0 0 0 98 45 12 8 19327826497 2339587023 96281\ndomain0 00000003 1 2 ..."
    // The cpuN fields: yld_count, legacy 0, sched_count, sched_goidle, ttwu_count, ttwu_local, rq_cpu_time ns, run_delay ns, pcount
    /**
     * Reads the version and the {@code cpuN} lines.
     *
     * @throws ParseException if the first line is not {@code version N} with a known N, or a
     *     {@code cpuN} line has fewer than nine fields, or CPUs repeat or are out of order
     */
    @Override
    public void parse(ByteText text) {
        cpus.clear();
        if (!text.nextLine() || !text.wordEquals("version")) {
            throw new ParseException("the first line is not 'version N'; expected the format of /proc/schedstat");
        }
        long version = text.nextLong();
        if (version < FIRST_VERSION || version > LAST_VERSION) {
            throw new ParseException("schedstat version " + version + " is not known; versions " + FIRST_VERSION + " to " + LAST_VERSION + " are");
        }
        while (text.nextLine()) {
            if (text.lineStartsWith("cpu")) {
                cpuLine(text);
            }
        }
    }

    private void cpuLine(ByteText text) {
        int index = cpus.add(text.nextLongAfterPrefix("cpu"), text);
        if (index == runDelayNs.length) {
            runDelayNs = Arrays.copyOf(runDelayNs, index * 2);
        }
        for (int field = 0; field < FIELDS_BEFORE_RUN_DELAY; field++) {
            text.nextLong();
        }
        runDelayNs[index] = text.nextLong();
        text.nextLong();
    }

    /** The online CPUs, one per {@code cpuN} line. */
    CpuIds cpus() {
        return cpus;
    }

    /** The run-queue wait of the CPU at {@code index}, in nanoseconds since boot. */
    long runDelayNs(int index) {
        return runDelayNs[index];
    }
}
