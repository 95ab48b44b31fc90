package dev.asios.health.heal.neighbour;

import dev.asios.health.heal.neighbour.ProcCgroupParser.Membership;
import dev.asios.host.kernel.CgroupVersion;
import dev.asios.host.kernel.Cgroups;
import dev.asios.host.parse.ParseException;
import dev.asios.host.sysroot.Sysroot;
import dev.asios.observe.runs.TrackedRun;
import dev.asios.observe.runs.TrackedRuns;
import dev.asios.run.launch.CgroupLayout;
import dev.asios.run.launch.CgroupLayout.Hierarchy;
import dev.asios.run.launch.Controller;
import dev.asios.tune.apply.CgroupFs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the noisy neighbour in the mounted cgroup hierarchies: among the leaf cgroups of the
 * hierarchy that counts the resource (v2's unified one where it offers the controller; else v1's
 * {@code memory}, {@code cpuacct} or {@code blkio}), the one that uses the most, read twice a
 * {@code window} apart: memory by the bytes it holds plus its growth over a minute, CPU by its
 * time per second, I/O by its bytes per second plus a page ({@value #BYTES_PER_OPERATION} bytes)
 * per operation. Protected cgroups ({@link ProtectedCgroups}) and cgroups without a task are
 * passed over. The neighbour's folders in the {@code cpu}, {@code blkio}/{@code io} and
 * {@code memory} hierarchies are taken from {@code /proc/TASK/cgroup} of one of its tasks, since on
 * v1 a task's path differs from one hierarchy to another.
 *
 * <p>It runs only when a finding asks (once per retry of the healer), and walks at most
 * {@value #MAX_FOLDERS} folders. Thread-safe: one scan at a time.
 */
public final class CgroupNeighbourScan implements Neighbours {

    /** How far apart the two reads of each cgroup's use are, by default. */
    public static final Duration WINDOW = Duration.ofMillis(250);
    /** The most folders one scan walks. */
    static final int MAX_FOLDERS = 10_000;
    /** An I/O operation weighs as much as this many bytes. */
    static final long BYTES_PER_OPERATION = 4096;
    /** Memory growth counts as what it adds over this many seconds. */
    static final long MEMORY_GROWTH_SECONDS = 60;

    /** Waits between the two reads; tests change the tree there. */
    @FunctionalInterface
    public interface Pause {
        /** Waits {@code window}. */
        void pause(Duration window) throws InterruptedException;
    }

    private final Sysroot sysroot;
    private final CgroupLayout layout;
    private final TrackedRuns runs;
    private final Duration window;
    private final Pause pause;
    private final Consumption consumption;

    /** Scans the hierarchies of {@code cgroups}, passing over the cgroups of {@code runs}. */
    public CgroupNeighbourScan(Sysroot sysroot, Cgroups cgroups, TrackedRuns runs, Duration window, Pause pause) {
        this.sysroot = sysroot;
        this.layout = CgroupLayout.of(cgroups);
        this.runs = runs;
        this.window = window;
        this.pause = pause;
        this.consumption = new Consumption(sysroot);
    }

    /** Scans the host's hierarchies, {@link #WINDOW} between the reads. */
    public static CgroupNeighbourScan onHost(Sysroot sysroot, Cgroups cgroups, TrackedRuns runs) {
        return new CgroupNeighbourScan(sysroot, cgroups, runs, WINDOW, w -> Thread.sleep(w));
    }

    @Override
    public synchronized Neighbour busiest(PressureResource resource, List<String> protect) {
        Hierarchy counted = countingHierarchy(resource);
        ProtectedCgroups guard = new ProtectedCgroups(protect, memberships("/proc/self/cgroup").orElse(List.of()),
                runs.current().stream().flatMap(r -> r.cgroupPaths().stream()).toList());
        List<CgroupFolder> leaves = new ArrayList<>();
        leaves(new CgroupFolder(counted.version(), counted.mountPoint(), "/"), leaves, new int[] {0});
        List<CgroupFolder> candidates = leaves.stream().filter(f -> guard.why(f, counted).isEmpty()).toList();
        List<Use> uses = measure(resource, candidates);
        uses.sort(Comparator.comparingDouble(Use::score).reversed());
        for (Use use : uses) {
            if (use.score() <= 0) {
                break;
            }
            Optional<Map<Controller, CgroupFolder>> controls = controls(use.folder(), guard);
            if (controls.isPresent()) {
                return new Neighbour(resource, use.folder(), controls.get(), use.evidence());
            }
        }
        throw new IllegalStateException("no cgroup to hold back: of " + leaves.size() + " leaf cgroups under " + counted.mountPoint() + ", "
                + (leaves.size() - candidates.size()) + " are protected and none of the others with a task uses " + resource.wireName());
    }

    private Hierarchy countingHierarchy(PressureResource resource) {
        Optional<Hierarchy> hierarchy = switch (resource) {
            case MEMORY -> layout.of(Controller.MEMORY);
            case CPU -> layout.of(Controller.CPU).filter(h -> h.version() == CgroupVersion.V2).or(() -> layout.of(Controller.CPUACCT));
            case IO -> layout.of(Controller.IO);
        };
        return hierarchy.orElseThrow(() -> new IllegalStateException("no mounted cgroup hierarchy counts " + resource.wireName() + " use"));
    }

    private void leaves(CgroupFolder folder, List<CgroupFolder> into, int[] walked) {
        boolean leaf = true;
        for (String name : sysroot.list(folder.hostPath())) {
            String child = folder.isRoot() ? "/" + name : folder.path() + "/" + name;
            if (walked[0] < MAX_FOLDERS && sysroot.isDirectory(folder.hostPath() + "/" + name)) {
                walked[0]++;
                leaf = false;
                leaves(new CgroupFolder(folder.version(), folder.mountPoint(), child), into, walked);
            }
        }
        if (leaf && !folder.isRoot()) {
            into.add(folder);
        }
    }

    private List<Use> measure(PressureResource resource, List<CgroupFolder> folders) {
        long[][] before = new long[folders.size()][2];
        boolean[] read = new boolean[folders.size()];
        for (int i = 0; i < folders.size(); i++) {
            read[i] = consumption.read(resource, folders.get(i), before[i]);
        }
        long startNs = System.nanoTime();
        try {
            pause.pause(window);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while measuring the cgroups' " + resource.wireName() + " use", e);
        }
        double seconds = Math.max(System.nanoTime() - startNs, window.toNanos()) / 1e9;
        List<Use> uses = new ArrayList<>();
        long[] after = new long[2];
        for (int i = 0; i < folders.size(); i++) {
            if (read[i] && consumption.read(resource, folders.get(i), after)) {
                uses.add(Use.of(resource, folders.get(i), before[i], after, seconds));
            }
        }
        return uses;
    }

    /** The neighbour's folders to hold back, from one of its tasks; empty when it has no task, or none outside the protected ones. */
    private Optional<Map<Controller, CgroupFolder>> controls(CgroupFolder folder, ProtectedCgroups guard) {
        List<Long> tasks = CgroupFs.kernel(sysroot).tasks(folder.hostPath());
        Optional<List<Membership>> memberships = tasks.stream().map(t -> memberships("/proc/" + t + "/cgroup")).flatMap(Optional::stream).findFirst();
        if (memberships.isEmpty()) {
            return Optional.empty();
        }
        Map<Controller, CgroupFolder> controls = new EnumMap<>(Controller.class);
        for (Controller controller : List.of(Controller.CPU, Controller.IO, Controller.MEMORY)) {
            layout.of(controller).ifPresent(h -> ProtectedCgroups.pathIn(memberships.get(), h)
                    .map(path -> new CgroupFolder(h.version(), h.mountPoint(), path))
                    .filter(f -> guard.why(f, h).isEmpty())
                    .ifPresent(f -> controls.put(controller, f)));
        }
        return controls.isEmpty() ? Optional.empty() : Optional.of(controls);
    }

    private Optional<List<Membership>> memberships(String file) {
        Optional<String> text = sysroot.read(file);
        try {
            return text.map(ProcCgroupParser::parse);
        } catch (ParseException e) {
            sysroot.diagnostics().warn(file, e.getMessage());
            return Optional.empty();
        }
    }

    /** One cgroup's use between the two reads, as a score to rank by and in words. */
    private record Use(CgroupFolder folder, double score, String evidence) {

        static Use of(PressureResource resource, CgroupFolder folder, long[] before, long[] after, double seconds) {
            double perSecond = (after[Consumption.AMOUNT] - before[Consumption.AMOUNT]) / seconds;
            double operationsPerSecond = (after[Consumption.OPERATIONS] - before[Consumption.OPERATIONS]) / seconds;
            String where = folder.path() + " ";
            return switch (resource) {
                case MEMORY -> new Use(folder, after[Consumption.AMOUNT] + Math.max(0, perSecond) * MEMORY_GROWTH_SECONDS,
                        where + "holds " + Units.mebibytes(after[Consumption.AMOUNT]) + " of memory, " + Units.signedMebibytes(perSecond) + "/s");
                case CPU -> new Use(folder, perSecond / 1e9, where + "uses " + Units.decimal(perSecond / 1e9, 2) + " CPUs");
                case IO -> new Use(folder, perSecond + operationsPerSecond * BYTES_PER_OPERATION,
                        where + "moves " + Units.mebibytes(perSecond) + "/s in " + Units.decimal(operationsPerSecond, 0) + " I/O operations/s");
            };
        }
    }
}
