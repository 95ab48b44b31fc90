package dev.asios.health.signal;

import dev.asios.health.signal.SignalNames.Run;
import java.util.Arrays;
import java.util.TreeSet;

/**
 * {@code run/ID} for every run of {@code asios_run_cpu_seconds_total{run}} or
 * {@code asios_run_memory_bytes{run}}: cores used, the share of quota periods throttled, memory
 * charged and over its limit, block I/O bytes per second each way, and the CPU migrations of
 * {@code asios_run_cpu_migrations_total{run}} per second.
 */
final class RunKind extends SignalKind {

    static final String CPU = "asios_run_cpu_seconds";
    static final String PERIODS = "asios_run_cpu_periods";
    static final String THROTTLED_PERIODS = "asios_run_cpu_throttled_periods";
    static final String MEMORY = "asios_run_memory_bytes";
    static final String MEMORY_LIMIT = "asios_run_memory_limit_bytes";
    static final String IO_READ = "asios_run_io_read_bytes";
    static final String IO_WRITTEN = "asios_run_io_written_bytes";
    static final String MIGRATIONS = "asios_run_cpu_migrations";

    RunKind() {
        super(CPU, PERIODS, THROTTLED_PERIODS, MEMORY, MEMORY_LIMIT, IO_READ, IO_WRITTEN, MIGRATIONS);
    }

    @Override
    void build(KindBuild build) {
        SeriesLookup lookup = build.lookup();
        TreeSet<String> runs = new TreeSet<>(EntityOrder.INSTANCE);
        runs.addAll(lookup.firstLabels(CPU));
        runs.addAll(lookup.firstLabels(MEMORY));
        for (String run : runs) {
            build.group(Run.KIND, run)
                    .add(Run.CPU_CORES_USED, build.rate(lookup.series(CPU, run)))
                    .add(Run.THROTTLED_RATIO, build.changeRatio(Arrays.asList(lookup.series(THROTTLED_PERIODS, run)),
                            Arrays.asList(lookup.series(PERIODS, run)), 0))
                    .add(Run.MEMORY_BYTES, build.gauge(lookup.series(MEMORY, run)))
                    .add(Run.MEMORY_LIMIT_RATIO, build.gaugeRatio(lookup.series(MEMORY, run), lookup.series(MEMORY_LIMIT, run)))
                    .add(Run.IO_READ_BYTES_PER_SECOND, build.rate(lookup.series(IO_READ, run)))
                    .add(Run.IO_WRITE_BYTES_PER_SECOND, build.rate(lookup.series(IO_WRITTEN, run)))
                    .add(Run.CPU_MIGRATIONS_PER_SECOND, build.rate(lookup.series(MIGRATIONS, run)))
                    .done();
        }
    }
}
