package dev.asios.observe.ebpf;

import dev.asios.host.parse.ByteText;
import dev.asios.host.parse.ParseException;
import dev.asios.host.sysroot.Sysroot;
import dev.asios.observe.metric.MetricFamily;
import dev.asios.observe.metric.MetricRegistry;
import dev.asios.observe.metric.Series;
import dev.asios.observe.runs.TrackedRun;
import dev.asios.observe.runs.TrackedRuns;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * CPU migrations of the threads of tracked runs ({@code cpu_migrations.bt}), summed per run as
 * {@code asios_run_cpu_migrations_total{run}}. Every second the script prints the migrations of
 * each thread since the previous second; the threads of a run are those listed in its cgroup
 * folder and the folders below it: {@code cgroup.threads} under cgroup v2, {@code tasks} under
 * v1, else {@code cgroup.procs}. Only the first of a run's folders that lists threads is read,
 * since under cgroup v1 every controller's folder lists the same threads. A run that is no longer
 * tracked loses its series. Not thread-safe: the probe's reader thread only.
 */
final class CpuMigrationsPart extends ScriptedPart {

    private static final String MAP = "@migrations";
    private static final List<String> THREAD_FILES = List.of("cgroup.threads", "tasks", "cgroup.procs");
    private static final int MAX_DEPTH = 4;

    private final Sysroot sysroot;
    private final TrackedRuns runs;
    private final MetricFamily family;
    private final Map<String, RunTotal> totals = new HashMap<>();
    private final ByteText buffer = new ByteText();
    private long[] threads = new long[0];
    private long[] counts = new long[0];

    /** Registers the family; asks {@code runs} for the runs to watch every second. */
    CpuMigrationsPart(Sysroot sysroot, MetricRegistry registry, TrackedRuns runs) {
        super("cpu_migrations", ProbeScript.resource("cpu_migrations.bt"), List.of(new ProbeRequirement.Tracepoint("sched", "sched_migrate_task")),
                Set.of(MAP), List.of());
        this.sysroot = sysroot;
        this.runs = runs;
        this.family = registry.counter("asios_run_cpu_migrations", "Moves of a tracked run's threads from one CPU to another.", null, "run");
    }

    @Override
    public void accept(BpftraceMessage message) {
        if (message instanceof BpftraceMessage.MapValues values && values.map().equals(MAP)) {
            sortByThread(values.values());
            Set<String> current = new HashSet<>();
            for (TrackedRun run : runs.current()) {
                current.add(run.runId());
                RunTotal total = totals.computeIfAbsent(run.runId(), id -> new RunTotal(family.series(id)));
                total.value += migrationsOf(run);
                total.series.set(total.value);
            }
            totals.entrySet().removeIf(entry -> {
                boolean gone = !current.contains(entry.getKey());
                if (gone) {
                    family.remove(entry.getValue().series.labelValues());
                }
                return gone;
            });
        }
    }

    @Override
    public void restarted() {
        // The map is cleared every second and summed here: nothing to carry over.
    }

    private void sortByThread(Map<String, Long> byThread) {
        long[][] pairs = new long[byThread.size()][];
        int n = 0;
        for (Map.Entry<String, Long> entry : byThread.entrySet()) {
            long tid = MapKeys.leadingLong(entry.getKey());
            if (tid > 0 && entry.getValue() > 0) {
                pairs[n++] = new long[] {tid, entry.getValue()};
            }
        }
        Arrays.sort(pairs, 0, n, (a, b) -> Long.compare(a[0], b[0]));
        threads = new long[n];
        counts = new long[n];
        for (int i = 0; i < n; i++) {
            threads[i] = pairs[i][0];
            counts[i] = pairs[i][1];
        }
    }

    private long migrationsOf(TrackedRun run) {
        for (String folder : run.cgroupPaths()) {
            long migrations = migrationsUnder(folder, 0);
            if (migrations >= 0) {
                return migrations;
            }
        }
        return 0;
    }

    // The migrations of the threads listed in the folder and the folders below, or -1 if it lists none.
    private long migrationsUnder(String folder, int depth) {
        long sum = -1;
        for (String file : THREAD_FILES) {
            if (sysroot.readInto(folder + "/" + file, buffer)) {
                sum = migrationsOfListed();
                break;
            }
        }
        if (sum >= 0 && depth < MAX_DEPTH) {
            for (String child : sysroot.list(folder)) {
                String path = folder + "/" + child;
                if (sysroot.isDirectory(path)) {
                    sum += Math.max(0, migrationsUnder(path, depth + 1));
                }
            }
        }
        return sum;
    }

    // Format of cgroup.threads, tasks and cgroup.procs: one decimal id per line
    private long migrationsOfListed() {
        long sum = 0;
        while (buffer.nextLine()) {
            if (!buffer.hasWord()) {
                continue;
            }
            try {
                int at = Arrays.binarySearch(threads, buffer.nextLong());
                sum += at >= 0 ? counts[at] : 0;
            } catch (ParseException e) {
                // not an id: skip the line
            }
        }
        return sum;
    }

    private static final class RunTotal {
        private final Series series;
        private long value;

        RunTotal(Series series) {
            this.series = series;
        }
    }
}
