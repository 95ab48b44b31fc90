package dev.asios.run.launch;

import dev.asios.host.cgroup.FlatKeyedParser;
import dev.asios.host.kernel.CgroupVersion;
import dev.asios.host.parse.CpuSet;
import dev.asios.host.parse.ParseException;
import dev.asios.host.sysroot.Sysroot;
import dev.asios.run.launch.CgroupLayout.Hierarchy;
import dev.asios.tune.apply.CgroupFs;
import dev.asios.tune.tunable.CpuIsolationTunable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The cgroup of one run: a folder {@code run-ID} in every hierarchy of the {@link CgroupLayout},
 * under {@value #RUNS} (or, for an isolated run, under the tuning profile's
 * {@code asios-isolated} cpuset). Made with its limits before the run starts, read and removed
 * when it ends; every task still in it is killed first, so nothing outlives the run.
 *
 * <p>All access goes through the {@link Sysroot}. Not thread-safe.
 */
public final class RunCgroup {

    /** The parent folder of the runs' cgroups, under each hierarchy's root. */
    public static final String RUNS = "asios-runs";

    /** The tuning profile's cpuset of isolated CPUs, under the cpuset hierarchy's root. */
    public static final String ISOLATED = CpuIsolationTunable.ISOLATED;

    private static final String PREFIX = "run-";
    private static final long KILL_TIMEOUT_MS = 5_000;

    private final Sysroot sysroot;
    private final List<String> folders;
    private final Map<String, Hierarchy> hierarchyOf;

    private RunCgroup(Sysroot sysroot, Map<String, Hierarchy> hierarchyOf) {
        this.sysroot = sysroot;
        this.folders = List.copyOf(hierarchyOf.keySet());
        this.hierarchyOf = hierarchyOf;
    }

    /** The run cgroup made of {@code folders} (those of {@code layout}'s hierarchies), as it is on the host, for reading and clean-up. */
    public static RunCgroup existing(Sysroot sysroot, List<String> folders, CgroupLayout layout) {
        Map<String, Hierarchy> map = new LinkedHashMap<>();
        for (String folder : folders) {
            layout.hierarchies().stream().filter(h -> folder.startsWith(h.mountPoint() + "/")).findFirst().ifPresent(h -> map.put(folder, h));
        }
        return new RunCgroup(sysroot, map);
    }

    /**
     * Makes the run's cgroup in every hierarchy, with its limits. On failure every folder made is
     * removed again, so the host is as before.
     *
     * @throws IOException naming the file the kernel refused (the run must not start)
     */
    public static RunCgroup create(Sysroot sysroot, CgroupLayout layout, String id, boolean isolated, CgroupLimits limits) throws IOException {
        Map<String, Hierarchy> made = new LinkedHashMap<>();
        try {
            for (Hierarchy hierarchy : layout.hierarchies()) {
                String parent = parent(sysroot, hierarchy, isolated);
                String folder = parent + "/" + PREFIX + id;
                sysroot.createDirectory(folder);
                made.put(folder, hierarchy);
                new CgroupLimitWriter(sysroot, hierarchy, folder).write(limits);
            }
        } catch (IOException e) {
            try {
                new RunCgroup(sysroot, made).remove();
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        return new RunCgroup(sysroot, made);
    }

    /**
     * What {@link #create} would make, without touching the host: each folder, with the files and
     * values written into it.
     */
    public static Map<String, List<String>> plan(CgroupLayout layout, String id, boolean isolated, CgroupLimits limits) {
        Map<String, List<String>> plan = new LinkedHashMap<>();
        for (Hierarchy hierarchy : layout.hierarchies()) {
            String folder = parentPath(hierarchy, isolated) + "/" + PREFIX + id;
            plan.put(folder, new CgroupLimitWriter(null, hierarchy, folder).writes(limits).stream()
                    .map(w -> w.file().substring(folder.length() + 1) + " = " + w.value()).toList());
        }
        return plan;
    }

    /** The run's cgroup folders, one per hierarchy. */
    public List<String> folders() {
        return folders;
    }

    /** The files a task writes its pid to, to join the run's cgroup in every hierarchy. */
    public List<String> joinFiles() {
        return folders.stream().map(f -> sysroot.resolve(CgroupFs.tasksFile(sysroot, f)).toString()).toList();
    }

    /** The tasks in the run's cgroup now, in every hierarchy. */
    public List<Long> tasks() {
        return folders.stream().flatMap(f -> sysroot.read(CgroupFs.tasksFile(sysroot, f)).stream()).flatMap(text -> CgroupFs.parseTasks(text).stream())
                .distinct().toList();
    }

    /** What the cgroup counted; read before {@link #remove}. */
    public CgroupUsage usage() {
        Map<String, Long> cpu = new HashMap<>();
        Map<String, Long> memory = new HashMap<>();
        OptionalLong total = OptionalLong.empty();
        OptionalLong peak = OptionalLong.empty();
        Map<Integer, Long> perCpu = new HashMap<>();
        boolean v2 = false;
        for (String folder : folders) {
            Hierarchy h = hierarchyOf.get(folder);
            v2 |= h.version() == CgroupVersion.V2;
            if (h.controllers().contains(Controller.CPU) || h.controllers().contains(Controller.CPUACCT)) {
                cpu.putAll(counters(folder + "/cpu.stat"));
                cpu.putAll(counters(folder + "/cpuacct.stat"));
                OptionalLong nanos = number(folder + "/cpuacct.usage");
                total = total.isPresent() || nanos.isEmpty() ? total : OptionalLong.of(nanos.getAsLong() / 1000);
                perCpu.putAll(perCpu(folder + "/cpuacct.usage_percpu"));
            }
            if (h.controllers().contains(Controller.MEMORY)) {
                memory.putAll(counters(folder + "/memory.stat"));
                peak = peak.isPresent() ? peak : first(number(folder + "/memory.peak"), number(folder + "/memory.max_usage_in_bytes"));
            }
        }
        // v1 cpuacct.stat counts in USER_HZ ticks, 100 per second on every Linux architecture
        Function<String, OptionalLong> ticks = key -> cpu.containsKey(key) ? OptionalLong.of(cpu.get(key) * 10_000) : OptionalLong.empty();
        return new CgroupUsage(
                v2 || cpu.containsKey("user_usec") ? get(cpu, "user_usec") : ticks.apply("user"),
                v2 || cpu.containsKey("system_usec") ? get(cpu, "system_usec") : ticks.apply("system"),
                cpu.containsKey("usage_usec") ? get(cpu, "usage_usec") : total,
                get(cpu, "nr_throttled"),
                cpu.containsKey("throttled_usec") ? get(cpu, "throttled_usec")
                        : cpu.containsKey("throttled_time") ? OptionalLong.of(cpu.get("throttled_time") / 1000) : OptionalLong.empty(),
                peak, get(memory, "pgfault"), get(memory, "pgmajfault"), perCpu);
    }

    /**
     * Kills every task left in the cgroup (SIGKILL; {@code cgroup.kill} on v2 where the kernel has
     * it), waits until it is empty, and removes the folders. Missing folders are already removed.
     *
     * @throws IOException if a task does not die within 5 s or a folder cannot be removed (naming it)
     */
    public void remove() throws IOException {
        long deadline = System.nanoTime() + KILL_TIMEOUT_MS * 1_000_000;
        List<Long> left = tasks();
        while (!left.isEmpty()) {
            for (String folder : folders) {
                if (sysroot.exists(folder + "/cgroup.kill")) {
                    sysroot.write(folder + "/cgroup.kill", "1\n");
                }
            }
            left.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
            if (System.nanoTime() > deadline) {
                throw new IOException(folders.getFirst() + ": tasks " + left + " did not end after SIGKILL");
            }
            sleep();
            left = tasks();
        }
        List<String> failures = new ArrayList<>();
        for (String folder : folders.reversed()) {
            try {
                sysroot.removeDirectory(folder);
            } catch (IOException e) {
                failures.add(e.getMessage());
            }
        }
        if (!failures.isEmpty()) {
            throw new IOException(String.join("; ", failures));
        }
    }

    /** The run ids of the cgroups under the runs' parents of {@code layout}, by folder. */
    public static Map<String, String> findRuns(Sysroot sysroot, CgroupLayout layout) {
        Map<String, String> runs = new TreeMap<>();
        for (Hierarchy h : layout.hierarchies()) {
            for (String parent : List.of(h.mountPoint() + "/" + RUNS, h.mountPoint() + "/" + ISOLATED)) {
                for (String name : sysroot.list(parent)) {
                    if (name.startsWith(PREFIX) && sysroot.isDirectory(parent + "/" + name)) {
                        runs.put(parent + "/" + name, name.substring(PREFIX.length()));
                    }
                }
            }
        }
        return runs;
    }

    private static String parent(Sysroot sysroot, Hierarchy hierarchy, boolean isolated) throws IOException {
        String parent = parentPath(hierarchy, isolated);
        if (parent.endsWith("/" + ISOLATED) && !sysroot.isDirectory(parent)) {
            throw new IOException(parent + " does not exist: no tuning profile isolates CPUs now (asios tune apply --profile inference)");
        }
        new CgroupParent(sysroot, hierarchy, parent).prepare();
        return parent;
    }

    /** The parent of a run's folder in {@code hierarchy}: an isolated run goes under the isolated cpuset in the cpuset's hierarchy (all of v2). */
    private static String parentPath(Hierarchy hierarchy, boolean isolated) {
        return hierarchy.mountPoint() + "/" + (isolated && hierarchy.hasCpuset() ? ISOLATED : RUNS);
    }

    private Map<String, Long> counters(String file) {
        try {
            return sysroot.read(file).map(FlatKeyedParser::parse).orElse(Map.of());
        } catch (ParseException e) {
            return Map.of();
        }
    }

    private OptionalLong number(String file) {
        try {
            return sysroot.readTrimmed(file).filter(t -> !t.isEmpty() && t.chars().allMatch(Character::isDigit))
                    .map(t -> OptionalLong.of(Long.parseLong(t))).orElse(OptionalLong.empty());
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    private Map<Integer, Long> perCpu(String file) {
        Map<Integer, Long> times = new HashMap<>();
        try {
            Optional<String> text = sysroot.read(file);
            if (text.isPresent()) {
                long[] values = FlatKeyedParser.parseList(text.get());
                for (int cpu = 0; cpu < values.length; cpu++) {
                    if (values[cpu] > 0) {
                        times.put(cpu, values[cpu]);
                    }
                }
            }
        } catch (ParseException e) {
            return Map.of();
        }
        return times;
    }

    private static OptionalLong get(Map<String, Long> counters, String key) {
        return counters.containsKey(key) ? OptionalLong.of(counters.get(key)) : OptionalLong.empty();
    }

    private static OptionalLong first(OptionalLong a, OptionalLong b) {
        return a.isPresent() ? a : b;
    }

    private static void sleep() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Used by {@link CgroupParent}: the CPUs of a cpuset folder, empty when unreadable. */
    static CpuSet cpus(Sysroot sysroot, String file) {
        try {
            return sysroot.readTrimmed(file).filter(t -> !t.isEmpty()).map(CpuSet::parseList).orElse(CpuSet.empty());
        } catch (ParseException e) {
            return CpuSet.empty();
        }
    }
}
