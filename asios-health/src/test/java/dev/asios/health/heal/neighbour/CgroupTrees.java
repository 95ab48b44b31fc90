package dev.asios.health.heal.neighbour;

import dev.asios.host.kernel.CgroupMount;
import dev.asios.host.kernel.CgroupVersion;
import dev.asios.host.kernel.Cgroups;
import dev.asios.host.sysroot.SysfsTree;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Cgroup trees as hosts have them: hybrid (v1 controllers, each in its own hierarchy, as on the
 * Debian 12 test host) and v2 only (Ubuntu 22.04 and later). In both, {@code batch/job} is the
 * biggest user of every resource outside the protected cgroups.
 */
final class CgroupTrees {

    static final String V1_UNLIMITED = "9223372036854771712";
    static final long GIB = 1L << 30;

    private CgroupTrees() {
    }

    /** The hybrid host's mounts. */
    static Cgroups hybrid() {
        return new Cgroups(CgroupVersion.HYBRID, List.of(v1("cpu"), v1("cpuacct"), v1("memory"), v1("blkio"),
                new CgroupMount(CgroupVersion.V2, "/sys/fs/cgroup/unified", List.of("hugetlb"), Optional.empty())), false, false);
    }

    /** A v2-only host's mount. */
    static Cgroups unified() {
        return new Cgroups(CgroupVersion.V2, List.of(new CgroupMount(CgroupVersion.V2, "/sys/fs/cgroup", List.of("cpu", "cpuset", "io", "memory", "pids"),
                Optional.empty())), true, true);
    }

    private static CgroupMount v1(String controller) {
        return new CgroupMount(CgroupVersion.V1, "/sys/fs/cgroup/" + controller, List.of(controller), Optional.empty());
    }

    /**
     * v1: memory leaves batch/job (task 101, 2 GiB), web (202, 100 MiB), init.scope (1, 3 GiB), the
     * agent's agent/x (300, 4 GiB), idle (no task, 5 GiB); job's task is in cpu:/batch/job,
     * cpuacct:/batch/job and blkio:/batch.
     */
    static SysfsTree v1Tree(Path root) {
        SysfsTree tree = new SysfsTree(root);
        v1Memory(tree, "/batch/job", 2 * GIB, "101");
        v1Memory(tree, "/web", 100L << 20, "202");
        v1Memory(tree, "/init.scope", 3 * GIB, "1");
        v1Memory(tree, "/agent/x", 4 * GIB, "300");
        v1Memory(tree, "/idle", 5 * GIB, "");
        tree.file("/sys/fs/cgroup/memory/memory.usage_in_bytes", "99999999999\n");
        tree.file("/sys/fs/cgroup/cpu/batch/job/cpu.shares", "1024\n").file("/sys/fs/cgroup/cpu/batch/job/cpu.cfs_quota_us", "-1\n")
                .file("/sys/fs/cgroup/cpu/batch/job/cpu.cfs_period_us", "100000\n").file("/sys/fs/cgroup/cpu/web/cpu.shares", "1024\n");
        tree.file("/sys/fs/cgroup/cpuacct/batch/job/cpuacct.usage", "1000000000\n").file("/sys/fs/cgroup/cpuacct/web/cpuacct.usage", "1000000000\n")
                .file("/sys/fs/cgroup/cpuacct/batch/job/tasks", "101\n").file("/sys/fs/cgroup/cpuacct/web/tasks", "202\n");
        tree.file("/sys/fs/cgroup/blkio/batch/blkio.bfq.weight", "100\n").file("/sys/fs/cgroup/blkio/batch/tasks", "101\n")
                .file("/sys/fs/cgroup/blkio/batch/blkio.throttle.io_service_bytes", "8:0 Read 0\n8:0 Write 0\nTotal 0\n")
                .file("/sys/fs/cgroup/blkio/batch/blkio.throttle.io_serviced", "8:0 Read 0\n8:0 Write 0\nTotal 0\n");
        tree.file("/proc/101/cgroup", "7:blkio:/batch\n4:memory:/batch/job\n2:cpuacct:/batch/job\n1:cpu:/batch/job\n0::/\n")
                .file("/proc/202/cgroup", "4:memory:/web\n2:cpuacct:/web\n1:cpu:/web\n0::/\n")
                .file("/proc/1/cgroup", "4:memory:/init.scope\n1:cpu:/\n0::/init.scope\n")
                .file("/proc/self/cgroup", "7:blkio:/\n4:memory:/agent/x\n2:cpuacct:/\n1:cpu:/\n0::/\n");
        return tree;
    }

    private static void v1Memory(SysfsTree tree, String path, long bytes, String tasks) {
        String folder = "/sys/fs/cgroup/memory" + path;
        tree.file(folder + "/memory.usage_in_bytes", bytes + "\n").file(folder + "/memory.soft_limit_in_bytes", V1_UNLIMITED + "\n")
                .file(folder + "/memory.limit_in_bytes", V1_UNLIMITED + "\n").file(folder + "/tasks", tasks.isEmpty() ? "" : tasks + "\n");
    }

    /**
     * v2: leaves system.slice/backup.service (task 400, 2 GiB), user.slice/session.scope (500, 1 GiB),
     * init.scope (1, 3 GiB); the agent in user.slice/agent.service (600, 4 GiB).
     */
    static SysfsTree v2Tree(Path root) {
        SysfsTree tree = new SysfsTree(root).file("/sys/fs/cgroup/cgroup.controllers", "cpuset cpu io memory pids\n");
        v2Leaf(tree, "/system.slice/backup.service", 2 * GIB, "400");
        v2Leaf(tree, "/user.slice/session.scope", GIB, "500");
        v2Leaf(tree, "/init.scope", 3 * GIB, "1");
        v2Leaf(tree, "/user.slice/agent.service", 4 * GIB, "600");
        return tree.file("/proc/self/cgroup", "0::/user.slice/agent.service\n");
    }

    private static void v2Leaf(SysfsTree tree, String path, long bytes, String task) {
        String folder = "/sys/fs/cgroup" + path;
        tree.file(folder + "/memory.current", bytes + "\n").file(folder + "/memory.high", "max\n").file(folder + "/cgroup.procs", task + "\n")
                .file(folder + "/cpu.stat", "usage_usec 1000000\nuser_usec 800000\nsystem_usec 200000\n").file(folder + "/cpu.weight", "100\n")
                .file(folder + "/cpu.max", "max 100000\n").file(folder + "/io.weight", "default 100\n")
                .file(folder + "/io.stat", "8:0 rbytes=0 wbytes=0 rios=0 wios=0 dbytes=0 dios=0\n")
                .file("/proc/" + task + "/cgroup", "0::" + path + "\n");
    }
}
