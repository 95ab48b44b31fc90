package dev.asios.run.launch;

import dev.asios.host.sysroot.Sysroot;
import dev.asios.run.store.RunRecord;
import dev.asios.run.store.RunState;
import dev.asios.run.store.RunStore;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Cleans up after runs whose {@code asios run} died (killed with SIGKILL, or a reboot): their
 * cgroups are emptied (every task left is killed) and removed, and their records marked
 * {@link RunState#ABANDONED}. A run folder under the runs' parents that no living run owns is
 * removed too, so nothing stays behind even when the store was lost. Runs {@code asios run} and
 * {@code asios runs --gc} call it.
 */
public final class RunCleaner {

    private final Sysroot sysroot;
    private final CgroupLayout layout;
    private final RunStore store;

    /** Cleans the host of {@code sysroot}, with the runs of {@code store}. */
    public RunCleaner(Sysroot sysroot, CgroupLayout layout, RunStore store) {
        this.sysroot = sysroot;
        this.layout = layout;
        this.store = store;
    }

    /** What a clean-up did: the runs marked abandoned, the cgroup folders removed, and what failed. */
    public record Result(List<String> abandonedRuns, List<String> removedFolders, List<String> failures) {

        /** Creates an immutable copy. */
        public Result {
            abandonedRuns = List.copyOf(abandonedRuns);
            removedFolders = List.copyOf(removedFolders);
            failures = List.copyOf(failures);
        }
    }

    /**
     * Cleans up every run whose supervisor is gone.
     *
     * @throws IOException if the store cannot be read
     */
    public Result clean() throws IOException {
        List<String> abandoned = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        Set<String> live = new HashSet<>();
        for (RunRecord run : store.running()) {
            if (run.supervised()) {
                live.add(run.id());
                continue;
            }
            RunCgroup cgroup = RunCgroup.existing(sysroot, run.cgroups(), layout);
            try {
                List<String> present = cgroup.folders().stream().filter(sysroot::isDirectory).toList();
                cgroup.remove();
                removed.addAll(present);
                store.finish(run.id(), RunState.ABANDONED, Instant.now(), OptionalInt.empty(), Optional.empty());
                abandoned.add(run.id());
            } catch (IOException e) {
                failures.add("run " + run.id() + ": " + e.getMessage());
            }
        }
        for (Map.Entry<String, String> folder : RunCgroup.findRuns(sysroot, layout).entrySet()) {
            if (!live.contains(folder.getValue())) {
                try {
                    RunCgroup.existing(sysroot, List.of(folder.getKey()), layout).remove();
                    removed.add(folder.getKey());
                } catch (IOException e) {
                    failures.add(folder.getKey() + ": " + e.getMessage());
                }
            }
        }
        return new Result(abandoned, removed, failures);
    }

    /**
     * Removes the runs' parent folders ({@value RunCgroup#RUNS}) that hold no run and no task, as
     * {@code asios runs --gc} does after cleaning; the next run makes them again. Not called before
     * a run: another {@code asios run} may be about to make its cgroup under them.
     *
     * @return the folders removed
     * @throws IOException naming a folder the kernel would not remove
     */
    public List<String> removeEmptyParents() throws IOException {
        List<String> removed = new ArrayList<>();
        for (CgroupLayout.Hierarchy hierarchy : layout.hierarchies()) {
            String parent = hierarchy.mountPoint() + "/" + RunCgroup.RUNS;
            if (sysroot.isDirectory(parent) && sysroot.list(parent).stream().noneMatch(name -> sysroot.isDirectory(parent + "/" + name))
                    && RunCgroup.existing(sysroot, List.of(parent), layout).tasks().isEmpty()) {
                sysroot.removeDirectory(parent);
                removed.add(parent);
            }
        }
        return removed;
    }
}
