package dev.asios.run.launch;

import dev.asios.host.kernel.TaskStat;
import dev.asios.host.parse.CpuSet;
import dev.asios.host.parse.ParseException;
import dev.asios.host.sys.NativeException;
import dev.asios.host.sys.PerfCounters;
import dev.asios.host.sys.ResourceLimits;
import dev.asios.host.sys.ResourceUsage;
import dev.asios.host.sys.Signals;
import dev.asios.host.sysroot.Sysroot;
import dev.asios.run.store.RestartInfo;
import dev.asios.run.store.RunRecord;
import dev.asios.run.store.RunState;
import dev.asios.run.store.RunStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Starts a run in its own cgroup, supervises it, and reports what it used. The order:
 * record the run (state {@code RUNNING}, with this process as supervisor), make its cgroup with
 * its limits, start it stopped inside (see {@link ChildStarter}), attach perf counters and raise
 * its memory-lock limit, let it go, forward signals, wait; then read the counters and the cgroup,
 * kill what is left in the cgroup, remove it and record the end. If {@code asios} itself dies,
 * the run's record stays {@code RUNNING} with a dead supervisor, and {@link RunCleaner} removes
 * its cgroup later.
 *
 * <p>Not thread-safe; one launch per instance at a time.
 */
public final class Launcher {

    private static final long STOP_TIMEOUT_MS = 10_000;
    private static final long STOP_POLL_NANOS = 200_000;

    private final Sysroot sysroot;
    private final CgroupLayout layout;
    private final RunStore store;
    private final Path stateDir;
    private final RunJson json;
    private boolean stoppedByOperator;

    /** Launches on {@code sysroot}'s host, with cgroups in {@code layout}, recording in {@code store}; {@code stateDir} keeps built helpers. */
    public Launcher(Sysroot sysroot, CgroupLayout layout, RunStore store, Path stateDir, RunJson json) {
        this.sysroot = sysroot;
        this.layout = layout;
        this.store = store;
        this.stateDir = stateDir;
        this.json = json;
    }

    /**
     * Runs {@code spec} to its end; it declares no restart.
     *
     * @throws LaunchException if it could not start; nothing is left behind
     */
    public RunReport launch(LaunchSpec spec) throws LaunchException {
        return launch(spec, RestartInfo.NONE);
    }

    /**
     * Runs {@code spec} to its end, recording {@code restart} with it: its restart declaration and,
     * for a restart, the run it restarts. The end is recorded as an operator's stop when this
     * process received {@code TERM}, {@code HUP} or {@code INT} while the run ran.
     *
     * @throws LaunchException if it could not start; nothing is left behind
     */
    public RunReport launch(LaunchSpec spec, RestartInfo restart) throws LaunchException {
        Optional<Path> preload = spec.mlock() ? Optional.of(MlockPreload.library(stateDir)) : Optional.empty();
        stoppedByOperator = false;
        try {
            store.insert(new RunRecord(spec.id(), Instant.now(), Optional.empty(), RunState.RUNNING, spec.command(), ProcessHandle.current().pid(),
                    List.of(), OptionalInt.empty(), json.placement(spec.placement()).toString(), Optional.empty(), restart));
        } catch (IOException e) {
            throw new LaunchException(e.getMessage(), e);
        }
        List<String> notes = new ArrayList<>();
        CgroupLayout used = layoutFor(spec, notes);
        RunCgroup cgroup;
        try {
            cgroup = RunCgroup.create(sysroot, used, spec.id(), spec.isolated(), spec.limits());
            store.cgroups(spec.id(), cgroup.folders());
        } catch (IOException e) {
            fail(spec.id());
            throw new LaunchException("cannot make the run's cgroup: " + e.getMessage(), e);
        }
        layout.missing().forEach(c -> notes.add("no " + c.v1Name() + " controller is mounted: its limits and counters are left out"));
        RunReport report;
        try {
            report = supervise(spec, cgroup, preload, notes);
        } catch (LaunchException e) {
            removeQuietly(cgroup, notes);
            fail(spec.id());
            throw e;
        }
        try {
            cgroup.remove();
        } catch (IOException e) {
            notes.add("the run's cgroup could not be removed (asios runs --gc retries): " + e.getMessage());
        }
        RunReport done = new RunReport(report.id(), report.command(), report.placement(), report.exitCode(), report.startedAt(),
                report.wallMillis(), report.process(), report.peakRssKib(), report.perf(), report.perfUnavailable(), report.cgroup(), report.cpusUsed(), notes);
        try {
            store.finish(spec.id(), RunState.EXITED, Instant.now(), OptionalInt.of(done.exitCode()), Optional.of(json.report(done).toString()),
                    stoppedByOperator);
        } catch (IOException e) {
            notes.add("the run store could not record the end: " + e.getMessage());
        }
        return done;
    }

    /**
     * The hierarchies the run joins. A real-time run stays out of a v1 {@code cpu} hierarchy with
     * real-time group scheduling ({@code cpu.rt_runtime_us}): a new cgroup there has no real-time
     * budget, and the kernel refuses a SCHED_FIFO task in it.
     */
    private CgroupLayout layoutFor(LaunchSpec spec, List<String> notes) {
        var cpu = layout.of(Controller.CPU);
        if (spec.realtimePriority().isPresent() && cpu.isPresent() && cpu.get().version() == dev.asios.host.kernel.CgroupVersion.V1
                && sysroot.exists(cpu.get().mountPoint() + "/cpu.rt_runtime_us")) {
            notes.add("--rt: the run stays in its parent's " + cpu.get().mountPoint() + " cgroup (real-time group scheduling gives a new cgroup"
                    + " no real-time budget); --cpu-weight and the throttling counters do not apply");
            return layout.without(Controller.CPU);
        }
        return layout;
    }

    private RunReport supervise(LaunchSpec spec, RunCgroup cgroup, Optional<Path> preload, List<String> notes) throws LaunchException {
        ResourceUsage before = usage();
        Optional<CpuSet> affinity = layout.of(Controller.CPUSET).isPresent() ? Optional.empty() : Optional.of(spec.limits().cpus());
        Process process;
        try {
            process = ChildStarter.start(spec, cgroup.joinFiles(), affinity, preload);
        } catch (IOException e) {
            throw new LaunchException("cannot start " + spec.command().getFirst() + ": " + e.getMessage(), e);
        }
        awaitStopped(process, cgroup);
        Optional<PerfCounters> perf = Optional.empty();
        Optional<String> perfUnavailable = Optional.empty();
        try {
            perf = Optional.of(PerfCounters.open(process.pid(), onlineCpus()));
        } catch (NativeException e) {
            perfUnavailable = Optional.of(e.getMessage() + " (kernel.perf_event_paranoid, or a VM or container without perf)");
        }
        try {
            if (spec.mlock()) {
                raiseMemlockLimit(process.pid(), notes);
            }
            Instant started = Instant.now();
            long startNanos = System.nanoTime();
            int exit;
            OptionalLong peakRssKib;
            try (SignalForwarder signals = SignalForwarder.to(process.pid()); PeakRssSampler rss = PeakRssSampler.start(sysroot, process.pid())) {
                Signals.kill(process.pid(), Signals.SIGCONT);
                exit = waitFor(process);
                peakRssKib = rss.peakKib();
                stoppedByOperator = signals.stopRequested();
            }
            long wallMillis = (System.nanoTime() - startNanos) / 1_000_000;
            Optional<PerfCounters.Snapshot> counts = Optional.empty();
            if (perf.isPresent()) {
                counts = Optional.of(perf.get().read());
            }
            CgroupUsage cgroupUsage = cgroup.usage();
            CpuSet used = counts.map(c -> CpuSet.of(c.perCpuNanos().entrySet().stream().filter(e -> e.getValue() > 0).mapToInt(e -> e.getKey())))
                    .orElse(CpuSet.of(cgroupUsage.perCpuNanos().keySet().stream().mapToInt(Integer::intValue)));
            return new RunReport(spec.id(), spec.command(), spec.placement(), exit, started, wallMillis, usage().minus(before), peakRssKib, counts,
                    perfUnavailable, cgroupUsage, used, notes);
        } catch (NativeException e) {
            process.destroyForcibly();
            throw new LaunchException("cannot supervise the run: " + e.getMessage(), e);
        } finally {
            perf.ifPresent(PerfCounters::close);
        }
    }

    /** Waits until the start script has joined the cgroup and stopped itself. */
    private void awaitStopped(Process process, RunCgroup cgroup) throws LaunchException {
        long deadline = System.nanoTime() + STOP_TIMEOUT_MS * 1_000_000;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                int exit = waitFor(process);
                throw new LaunchException(exit == CgroupJoinScript.JOIN_FAILED
                        ? "the kernel refused to put the run into its cgroup " + cgroup.folders() + " (see the message above)"
                        : "the run's start script exited with " + exit + " before the command started");
            }
            Optional<TaskStat> stat;
            try {
                stat = sysroot.read("/proc/" + process.pid() + "/stat").map(TaskStat::parse);
            } catch (ParseException e) {
                stat = Optional.empty();
            }
            if (stat.map(TaskStat::stopped).orElse(false)) {
                return;
            }
            // The start script needs a CPU to get there: wait without spinning.
            LockSupport.parkNanos(STOP_POLL_NANOS);
        }
        process.destroyForcibly();
        throw new LaunchException("the run did not reach its start point within " + STOP_TIMEOUT_MS + " ms");
    }

    /** Lifts the run's locked-memory limit; without CAP_SYS_RESOURCE the kernel refuses, and the run keeps its limit. */
    private static void raiseMemlockLimit(long pid, List<String> notes) {
        try {
            ResourceLimits.setMemlockUnlimited(pid);
        } catch (NativeException e) {
            String limit;
            try {
                ResourceLimits.Limit current = ResourceLimits.memlock(pid);
                limit = current.unlimited() ? "unlimited" : current.soft() / 1024 + " KiB";
            } catch (NativeException unreadable) {
                limit = "unknown";
            }
            notes.add("--mlock: RLIMIT_MEMLOCK stays " + limit + " (" + e.getMessage() + "; raising it needs CAP_SYS_RESOURCE): mlockall fails if the run needs more");
        }
    }

    private CpuSet onlineCpus() {
        try {
            return sysroot.readTrimmed("/sys/devices/system/cpu/online").map(CpuSet::parseList).orElse(CpuSet.of(0));
        } catch (ParseException e) {
            return CpuSet.of(0);
        }
    }

    private static int waitFor(Process process) {
        while (true) {
            try {
                return process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroy();
            }
        }
    }

    private static ResourceUsage usage() throws LaunchException {
        try {
            return ResourceUsage.ofChildren();
        } catch (NativeException e) {
            throw new LaunchException("getrusage: " + e.getMessage(), e);
        }
    }

    private void fail(String id) {
        try {
            store.finish(id, RunState.FAILED, Instant.now(), OptionalInt.empty(), Optional.empty());
        } catch (IOException e) {
            // The record stays RUNNING with this process as supervisor; RunCleaner marks it once this process is gone.
        }
    }

    private static void removeQuietly(RunCgroup cgroup, List<String> notes) {
        try {
            cgroup.remove();
        } catch (IOException e) {
            notes.add(e.getMessage());
        }
    }
}
