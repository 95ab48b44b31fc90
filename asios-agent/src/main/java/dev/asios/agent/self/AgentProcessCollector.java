package dev.asios.agent.self;

import dev.asios.host.parse.ByteText;
import dev.asios.host.sysroot.Sysroot;
import dev.asios.observe.collect.Collector;
import dev.asios.observe.metric.MetricFamily;
import dev.asios.observe.metric.MetricRegistry;
import dev.asios.observe.metric.Series;

/**
 * The agent's own cost, from {@code /proc/self/stat}: CPU seconds in user and system mode,
 * resident memory and threads, so an operator (and the overhead benchmark) sees what watching
 * the host costs. Ticks are USER_HZ (100 on Linux); pages are 4 KiB unless told otherwise.
 */
public final class AgentProcessCollector implements Collector {

    private static final double TICKS_PER_SECOND = 100;
    // Fields after the command name, counted from 1 = state: utime 12, stime 13, num_threads 18, rss 22.
    private static final int UTIME = 12;
    private static final int STIME = 13;
    private static final int THREADS = 18;
    private static final int RSS = 22;

    private final Sysroot sysroot;
    private final long pageBytes;
    private final ByteText text = new ByteText();
    private final Series user;
    private final Series system;
    private final Series residentBytes;
    private final Series threads;

    /** Reads {@code /proc/self/stat} under {@code sysroot}, with pages of {@code pageBytes}. */
    public AgentProcessCollector(Sysroot sysroot, MetricRegistry registry, long pageBytes) {
        this.sysroot = sysroot;
        this.pageBytes = pageBytes;
        MetricFamily cpu = registry.counter("asios_agent_cpu_seconds", "CPU time the agent process used, by mode.", "seconds", "mode");
        this.user = cpu.series("user");
        this.system = cpu.series("system");
        this.residentBytes = registry.gauge("asios_agent_resident_memory_bytes", "Resident memory of the agent process.", "bytes").series();
        this.threads = registry.gauge("asios_agent_threads", "Threads of the agent process.", null).series();
    }

    @Override
    public String name() {
        return "agent";
    }

    @Override
    public void collect() {
        if (!sysroot.readInto("/proc/self/stat", text) || !text.nextLine() || !text.skipPastLast(')')) {
            throw new IllegalStateException("/proc/self/stat is missing or has no ')' after the command name");
        }
        for (int field = 1; field <= RSS; field++) {
            switch (field) {
                case UTIME -> user.set(text.nextLong() / TICKS_PER_SECOND);
                case STIME -> system.set(text.nextLong() / TICKS_PER_SECOND);
                case THREADS -> threads.set(text.nextLong());
                case RSS -> residentBytes.set((double) text.nextLong() * pageBytes);
                default -> text.skipWord();
            }
        }
    }
}
