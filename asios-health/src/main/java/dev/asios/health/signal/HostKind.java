package dev.asios.health.signal;

import dev.asios.health.signal.SignalNames.Host;

/**
 * {@code host/all}: pressure stalls ({@code asios_pressure_stalled_seconds_total{resource,kind}}
 * as seconds stalled per second, that is the share of time), available over total memory, swap
 * traffic, major faults and context switches per second, and the runnable and blocked tasks.
 */
final class HostKind extends SignalKind {

    static final String PRESSURE = "asios_pressure_stalled_seconds";
    static final String MEMORY_AVAILABLE = "asios_memory_available_bytes";
    static final String MEMORY_TOTAL = "asios_memory_total_bytes";
    static final String SWAP_IN = "asios_swap_in_pages";
    static final String SWAP_OUT = "asios_swap_out_pages";
    static final String MAJOR_FAULTS = "asios_major_page_faults";
    static final String CONTEXT_SWITCHES = "asios_context_switches";
    static final String PROCS_RUNNING = "asios_procs_running";
    static final String PROCS_BLOCKED = "asios_procs_blocked";

    HostKind() {
        super(PRESSURE, MEMORY_AVAILABLE, MEMORY_TOTAL, SWAP_IN, SWAP_OUT, MAJOR_FAULTS, CONTEXT_SWITCHES, PROCS_RUNNING, PROCS_BLOCKED);
    }

    @Override
    void build(KindBuild build) {
        SeriesLookup lookup = build.lookup();
        build.group(Host.KIND, Host.ENTITY)
                .add(Host.CPU_PRESSURE_SOME_RATIO, build.rate(lookup.series(PRESSURE, "cpu", "some")))
                .add(Host.MEMORY_PRESSURE_SOME_RATIO, build.rate(lookup.series(PRESSURE, "memory", "some")))
                .add(Host.MEMORY_PRESSURE_FULL_RATIO, build.rate(lookup.series(PRESSURE, "memory", "full")))
                .add(Host.IO_PRESSURE_SOME_RATIO, build.rate(lookup.series(PRESSURE, "io", "some")))
                .add(Host.IO_PRESSURE_FULL_RATIO, build.rate(lookup.series(PRESSURE, "io", "full")))
                .add(Host.MEMORY_AVAILABLE_RATIO, build.gaugeRatio(lookup.series(MEMORY_AVAILABLE), lookup.series(MEMORY_TOTAL)))
                .add(Host.SWAP_IN_PAGES_PER_SECOND, build.rate(lookup.series(SWAP_IN)))
                .add(Host.SWAP_OUT_PAGES_PER_SECOND, build.rate(lookup.series(SWAP_OUT)))
                .add(Host.MAJOR_PAGE_FAULTS_PER_SECOND, build.rate(lookup.series(MAJOR_FAULTS)))
                .add(Host.CONTEXT_SWITCHES_PER_SECOND, build.rate(lookup.series(CONTEXT_SWITCHES)))
                .add(Host.PROCS_RUNNING, build.gauge(lookup.series(PROCS_RUNNING)))
                .add(Host.PROCS_BLOCKED, build.gauge(lookup.series(PROCS_BLOCKED)))
                .done();
    }
}
