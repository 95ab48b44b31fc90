package dev.asios.run.launch;

import dev.asios.host.kernel.CgroupVersion;
import dev.asios.host.sysroot.Sysroot;
import dev.asios.run.launch.CgroupLayout.Hierarchy;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Writes a run's {@link CgroupLimits} into its new cgroup folder of one hierarchy, in that hierarchy's files. */
final class CgroupLimitWriter {

    /** One file written with one value. */
    record Write(String file, String value) {
    }

    private final Sysroot sysroot;
    private final Hierarchy hierarchy;
    private final String folder;

    CgroupLimitWriter(Sysroot sysroot, Hierarchy hierarchy, String folder) {
        this.sysroot = sysroot;
        this.hierarchy = hierarchy;
        this.folder = folder;
    }

    /** The files and values that set {@code limits} in this hierarchy, in the order they are written (cpus before mems). */
    List<Write> writes(CgroupLimits limits) {
        boolean v2 = hierarchy.version() == CgroupVersion.V2;
        List<Write> writes = new ArrayList<>();
        if (hierarchy.hasCpuset()) {
            writes.add(new Write(folder + "/cpuset.cpus", limits.cpus().toList()));
            writes.add(new Write(folder + "/cpuset.mems", limits.memoryNodes().toList()));
        }
        if (hierarchy.controllers().contains(Controller.MEMORY) && limits.memoryBytes().isPresent()) {
            writes.add(new Write(folder + (v2 ? "/memory.max" : "/memory.limit_in_bytes"), String.valueOf(limits.memoryBytes().getAsLong())));
        }
        if (hierarchy.controllers().contains(Controller.CPU) && limits.cpuWeight().isPresent()) {
            int weight = limits.cpuWeight().getAsInt();
            writes.add(new Write(folder + (v2 ? "/cpu.weight" : "/cpu.shares"), String.valueOf(v2 ? weight : Math.max(2, weight * 1024 / 100))));
        }
        if (hierarchy.controllers().contains(Controller.IO) && limits.ioWeight().isPresent()) {
            int weight = limits.ioWeight().getAsInt();
            writes.add(new Write(folder + (v2 ? "/io.weight" : "/blkio.weight"), v2 ? "default " + weight : String.valueOf(Math.clamp(weight * 5L, 10, 1000))));
        }
        if (hierarchy.controllers().contains(Controller.PIDS) && limits.pidsMax().isPresent()) {
            writes.add(new Write(folder + "/pids.max", String.valueOf(limits.pidsMax().getAsInt())));
        }
        return writes;
    }

    /**
     * Writes every limit whose controller is in this hierarchy.
     *
     * @throws IOException naming the file and value the kernel refused
     */
    void write(CgroupLimits limits) throws IOException {
        for (Write write : writes(limits)) {
            if (!sysroot.exists(write.file())) {
                throw new IOException(write.file() + " does not exist: this kernel's " + hierarchy.version() + " cgroups lack that limit"
                        + (write.file().contains("weight") ? " (I/O weights need the BFQ scheduler on v1); run without it" : ""));
            }
            sysroot.write(write.file(), write.value() + "\n");
        }
    }
}
