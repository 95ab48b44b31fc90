package dev.asios.observe.cgroup;

import dev.asios.host.sysroot.Sysroot;
import dev.asios.observe.collect.Collector;
import dev.asios.observe.collect.Column;
import dev.asios.observe.collect.SeriesRow;
import dev.asios.observe.metric.MetricFamily;
import dev.asios.observe.metric.MetricRegistry;
import dev.asios.observe.runs.TrackedRun;
import dev.asios.observe.runs.TrackedRuns;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * CPU, memory and block I/O of every tracked run, read from its cgroup folders, labelled
 * {@code run} (see {@link RunField} for the names and units).
 *
 * <p>The folders are those the run store records for the run: absolute host paths, one per
 * hierarchy the run has a cgroup in, as {@code asios run} makes them,
 * {@code MOUNT/asios-runs/run-ID} (or {@code MOUNT/asios-isolated/run-ID} for an isolated run's
 * cpuset). On cgroup v2 that is one folder, such as {@code /sys/fs/cgroup/asios-runs/run-ID};
 * on v1 or a hybrid host one per controller, such as {@code /sys/fs/cgroup/cpu/asios-runs/run-ID},
 * {@code /sys/fs/cgroup/cpuacct/...}, {@code /sys/fs/cgroup/memory/...} and
 * {@code /sys/fs/cgroup/blkio/...}. The collector does not care about mount names: it looks once,
 * when it first sees a run, which of the files it knows ({@link CgroupFile}) each folder has,
 * and reads those every interval.
 *
 * <p>A run no longer tracked loses its series; so does one whose files are all gone (it ended
 * between the listing and the read, which is not an error), and a field no file has, such as the
 * limit of a run without one, has no series. A malformed file fails the collection with a
 * message naming the run and the file, after the other runs are collected; that run's series
 * keep their last values. Called from the
 * collector loop's one thread; {@link TrackedRuns#current()} is asked once per collection.
 */
public final class RunCgroupCollector implements Collector {

    private final Sysroot sysroot;
    private final TrackedRuns runs;
    private final List<MetricFamily> families;
    private final RunCgroupReader reader;
    private final Map<String, RunState> states = new HashMap<>();
    private final double[] fields = new double[RunField.FIELDS.length];
    private long round;

    /** Registers the run families in {@code registry}; reads nothing yet. */
    public RunCgroupCollector(Sysroot sysroot, MetricRegistry registry, TrackedRuns runs) {
        this.sysroot = sysroot;
        this.runs = runs;
        this.families = Column.registerAll(registry, Arrays.stream(RunField.values()).map(RunField::column).toList(), "run");
        this.reader = new RunCgroupReader(sysroot);
    }

    @Override
    public String name() {
        return "runs";
    }

    /**
     * Reads the cgroup files of every run tracked now and forgets the runs no longer tracked.
     *
     * @throws IOException the first failure, naming the run: a malformed file, or a cgroup path
     *     that is not an absolute host path
     */
    @Override
    public void collect() throws IOException {
        round++;
        IOException failure = null;
        List<TrackedRun> current = runs.current();
        for (int i = 0; i < current.size(); i++) {
            TrackedRun run = current.get(i);
            try {
                collect(state(run));
            } catch (IOException | IllegalArgumentException e) {
                if (failure == null) {
                    failure = new IOException("run " + run.runId() + ": " + e.getMessage(), e);
                }
            }
        }
        for (Iterator<RunState> it = states.values().iterator(); it.hasNext(); ) {
            RunState state = it.next();
            if (state.seenInRound != round) {
                state.row.remove();
                it.remove();
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private RunState state(TrackedRun run) {
        RunState state = states.get(run.runId());
        if (state == null || !state.folders.equals(run.cgroupPaths())) {
            if (state != null) {
                state.row.remove();
            }
            state = new RunState(run.cgroupPaths(), new SeriesRow(families, run.runId()));
            states.put(run.runId(), state);
        }
        state.seenInRound = round;
        return state;
    }

    private void collect(RunState state) throws IOException {
        if (state.files == null) {
            state.files = RunCgroupFiles.find(sysroot, state.folders);
        }
        if (!reader.read(state.files, fields)) {
            state.files = null;
        }
        for (RunField field : RunField.FIELDS) {
            state.row.set(field.ordinal(), fields[field.ordinal()]);
        }
    }

    /** What the collector keeps of one run. */
    private static final class RunState {
        private final List<String> folders;
        private final SeriesRow row;
        private RunCgroupFiles files;
        private long seenInRound;

        RunState(List<String> folders, SeriesRow row) {
            this.folders = folders;
            this.row = row;
        }
    }
}
