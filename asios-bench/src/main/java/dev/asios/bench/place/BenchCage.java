package dev.asios.bench.place;

import dev.asios.bench.BenchException;
import dev.asios.host.inspect.HostInspector;
import dev.asios.host.kernel.Cgroups;
import dev.asios.host.parse.CpuSet;
import dev.asios.host.parse.ParseException;
import dev.asios.host.sysroot.Sysroot;
import dev.asios.run.launch.CgroupJoinScript;
import dev.asios.run.launch.CgroupLayout;
import dev.asios.run.launch.CgroupLimits;
import dev.asios.run.launch.Controller;
import dev.asios.run.launch.RunCgroup;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A cgroup for a benchmark's processes inside the tuning profile's isolated cpuset
 * ({@code asios-isolated}, made by {@code cpu.isolate}). While a profile isolates CPUs, no process
 * outside that cpuset may run on them, so a probe or reference tool measured there must start
 * inside it: {@link #wrap} makes a command join the cage before its first instruction. The cage
 * is removed, with anything left in it, by {@link #close}, or by {@link #closeOpen} when the JVM
 * is stopped. Thread-safe.
 */
public final class BenchCage implements AutoCloseable {

    private static final AtomicInteger NEXT = new AtomicInteger();
    private static final Set<BenchCage> OPEN = ConcurrentHashMap.newKeySet();

    private final RunCgroup cgroup;
    private final CpuSet cpus;

    private BenchCage(RunCgroup cgroup, CpuSet cpus) {
        this.cgroup = cgroup;
        this.cpus = cpus;
    }

    /**
     * The cage for processes on {@code cpus} when an active profile isolates them; empty when
     * none of them is isolated (the processes are then pinned as usual).
     *
     * @throws BenchException if some of {@code cpus} are isolated and some are not, or the cgroup cannot be made
     */
    public static Optional<BenchCage> forCpus(Sysroot sysroot, CpuSet cpus) throws BenchException {
        Optional<CgroupLayout> layout = cpusetLayout(sysroot);
        if (layout.isEmpty()) {
            return Optional.empty();
        }
        String isolatedDir = layout.get().hierarchies().getFirst().mountPoint() + "/" + RunCgroup.ISOLATED;
        CpuSet isolated = cpuList(sysroot, isolatedDir, "cpus");
        if (!isolated.intersects(cpus)) {
            return Optional.empty();
        }
        if (!isolated.containsAll(cpus)) {
            throw new BenchException("--cpus " + cpus.toList() + " mixes CPUs that the active profile isolates (" + isolated.toList()
                    + ") with others: measure on isolated CPUs only, or on housekeeping CPUs only");
        }
        CpuSet mems = cpuList(sysroot, isolatedDir, "mems");
        String id = "bench-" + ProcessHandle.current().pid() + "-" + NEXT.incrementAndGet();
        try {
            RunCgroup cgroup = RunCgroup.create(sysroot, layout.get(), id, true,
                    new CgroupLimits(cpus, mems, OptionalLong.empty(), OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty()));
            BenchCage cage = new BenchCage(cgroup, cpus);
            OPEN.add(cage);
            return Optional.of(cage);
        } catch (IOException e) {
            throw new BenchException("cannot make a cgroup in the isolated cpuset for the benchmark: " + e.getMessage()
                    + " (run as root, or roll the isolating profile back)", e);
        }
    }

    /** The command line that runs {@code command} inside the cage. */
    public List<String> wrap(List<String> command) {
        return CgroupJoinScript.argv(cgroup.joinFiles(), command);
    }

    /** The cage in words, for a measurement's method. */
    public String describe() {
        return "inside the isolated cpuset (" + cgroup.folders().getFirst() + ", CPUs " + cpus.toList() + ")";
    }

    /**
     * Kills what is left in the cage and removes it.
     *
     * @throws BenchException if it cannot be removed (naming the folder)
     */
    @Override
    public synchronized void close() throws BenchException {
        try {
            cgroup.remove();
            OPEN.remove(this);
        } catch (IOException e) {
            throw new BenchException("cannot remove the benchmark's cgroup: " + e.getMessage(), e);
        }
    }

    /**
     * Closes every cage of this process that is still open, killing what runs in them: for a
     * shutdown hook, before a profile that isolates CPUs is rolled back (its cpuset cannot go while
     * a cage is inside).
     *
     * @return what could not be removed, one line each
     */
    public static List<String> closeOpen() {
        List<String> failures = new ArrayList<>();
        for (BenchCage cage : List.copyOf(OPEN)) {
            try {
                cage.close();
            } catch (BenchException e) {
                failures.add(e.getMessage());
            }
        }
        return failures;
    }

    /** The hierarchy with the cpuset controller alone; empty where none is mounted. */
    private static Optional<CgroupLayout> cpusetLayout(Sysroot sysroot) {
        Optional<Cgroups> cgroups = new HostInspector(sysroot).inspect().kernel().cgroups();
        return cgroups.flatMap(c -> CgroupLayout.of(c).of(Controller.CPUSET))
                .map(h -> new CgroupLayout(List.of(h), Set.of()));
    }

    private static CpuSet cpuList(Sysroot sysroot, String dir, String name) {
        String file = sysroot.exists(dir + "/cpuset." + name) ? dir + "/cpuset." + name : dir + "/" + name;
        try {
            return sysroot.readTrimmed(file).map(CpuSet::parseList).orElse(CpuSet.empty());
        } catch (ParseException e) {
            return CpuSet.empty();
        }
    }
}
