package dev.asios.run.launch;

import dev.asios.host.kernel.CgroupVersion;
import dev.asios.host.parse.CpuSet;
import dev.asios.host.sysroot.Sysroot;
import dev.asios.run.launch.CgroupLayout.Hierarchy;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * Readies the parent folder of the runs' cgroups in one hierarchy. On v2 the controllers a run
 * uses are enabled for children, in the root and in the parent. On v1 a new cpuset starts with no
 * CPUs and no memory nodes, so the parent gets the root's, less the CPUs of CPU-exclusive
 * siblings (the tuning profile's {@code asios-isolated}), refreshed at every run; a task cannot
 * join a cpuset without them.
 */
final class CgroupParent {

    private final Sysroot sysroot;
    private final Hierarchy hierarchy;
    private final String folder;

    CgroupParent(Sysroot sysroot, Hierarchy hierarchy, String folder) {
        this.sysroot = sysroot;
        this.hierarchy = hierarchy;
        this.folder = folder;
    }

    /** Makes the folder if it is missing and readies it. */
    void prepare() throws IOException {
        if (!sysroot.isDirectory(folder)) {
            sysroot.createDirectory(folder);
        }
        if (hierarchy.version() == CgroupVersion.V2) {
            enableControllers(hierarchy.mountPoint());
            enableControllers(folder);
        } else if (hierarchy.hasCpuset() && !folder.endsWith("/" + RunCgroup.ISOLATED)) {
            refreshCpus();
        }
    }

    /**
     * Gives the v1 runs' cpuset the root's CPUs less those of CPU-exclusive siblings, as they are
     * now: a tuning profile may have isolated CPUs, or rolled back, since it was made. Shrinking
     * it is refused by the kernel while a running run uses the CPUs; the parent then stays as it is.
     */
    private void refreshCpus() throws IOException {
        String root = hierarchy.mountPoint();
        CpuSet cpus = RunCgroup.cpus(sysroot, root + "/cpuset.cpus");
        for (String sibling : sysroot.list(root)) {
            String path = root + "/" + sibling;
            if (!path.equals(folder) && sysroot.readTrimmed(path + "/cpuset.cpu_exclusive").orElse("0").equals("1")) {
                cpus = cpus.andNot(RunCgroup.cpus(sysroot, path + "/cpuset.cpus"));
            }
        }
        CpuSet current = RunCgroup.cpus(sysroot, folder + "/cpuset.cpus");
        if (!cpus.equals(current)) {
            try {
                sysroot.write(folder + "/cpuset.cpus", cpus.toList() + "\n");
            } catch (IOException e) {
                if (current.isEmpty()) {
                    throw e;
                }
            }
        }
        if (sysroot.readTrimmed(folder + "/cpuset.mems").orElse("").isEmpty()) {
            sysroot.write(folder + "/cpuset.mems", sysroot.readTrimmed(root + "/cpuset.mems").orElse("0") + "\n");
        }
    }

    /** Enables, for the children of {@code cgroup}, every controller of the run that it offers and has not enabled. */
    private void enableControllers(String cgroup) throws IOException {
        List<String> offered = words(cgroup + "/cgroup.controllers");
        List<String> enabled = words(cgroup + "/cgroup.subtree_control");
        String edits = hierarchy.controllers().stream().flatMap(c -> c.v2Name().stream())
                .filter(offered::contains).filter(name -> !enabled.contains(name)).sorted().map(name -> "+" + name)
                .reduce((a, b) -> a + " " + b).orElse("");
        if (!edits.isEmpty()) {
            sysroot.write(cgroup + "/cgroup.subtree_control", edits + "\n");
        }
    }

    private List<String> words(String file) {
        return sysroot.readTrimmed(file).map(t -> Arrays.stream(t.split("\\s+")).filter(w -> !w.isEmpty()).toList()).orElse(List.of());
    }
}
