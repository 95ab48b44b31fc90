package dev.asios.observe.cgroup;

import dev.asios.host.sysroot.SysfsTree;
import java.util.List;

/** Run cgroups as {@code asios run} makes them, on a cgroup v2 host and on a hybrid (v1 controllers) host. */
final class RunCgroupTrees {

    static final String V2_FOLDER = "/sys/fs/cgroup/asios-runs/run-a";
    static final List<String> V1_FOLDERS = List.of("/sys/fs/cgroup/cpuset/asios-runs/run-b", "/sys/fs/cgroup/memory/asios-runs/run-b",
            "/sys/fs/cgroup/cpu/asios-runs/run-b", "/sys/fs/cgroup/cpuacct/asios-runs/run-b", "/sys/fs/cgroup/blkio/asios-runs/run-b",
            "/sys/fs/cgroup/pids/asios-runs/run-b");

    private RunCgroupTrees() {
    }

    /** Run {@code a} on cgroup v2: 2.5 s of CPU, 100 MiB of memory under a 1 GiB limit, I/O on two devices. */
    static void v2(SysfsTree tree) {
        tree.file(V2_FOLDER + "/cgroup.controllers", "cpuset cpu io memory pids\n")
                .file(V2_FOLDER + "/cgroup.procs", "")
                .file(V2_FOLDER + "/cpu.stat", "usage_usec 2500000\nuser_usec 2000000\nsystem_usec 500000\nnr_periods 10\nnr_throttled 3\n"
                        + "throttled_usec 150000\nnr_bursts 0\nburst_usec 0\n")
                .file(V2_FOLDER + "/cpu.max", "max 100000\n")
                .file(V2_FOLDER + "/memory.current", "104857600\n")
                .file(V2_FOLDER + "/memory.max", "1073741824\n")
                .file(V2_FOLDER + "/memory.stat", "anon 50331648\nfile 41943040\nkernel 2097152\nkernel_stack 65536\nanon_thp 0\nfile_mapped 0\n")
                .file(V2_FOLDER + "/io.stat", "254:0 rbytes=90112 wbytes=4096 rios=22 wios=1 dbytes=0 dios=0\n"
                        + "8:16 rbytes=10 wbytes=20 rios=1 wios=2 dbytes=0 dios=0\n");
    }

    /** Run {@code b} on v1 controllers, one hierarchy each as on a hybrid host: 3.5 s of CPU, no memory limit. */
    static void v1(SysfsTree tree) {
        tree.file(V1_FOLDERS.get(0) + "/cpuset.cpus", "0-1\n")
                .file(V1_FOLDERS.get(0) + "/tasks", "")
                .file(V1_FOLDERS.get(1) + "/memory.usage_in_bytes", "20971520\n")
                .file(V1_FOLDERS.get(1) + "/memory.limit_in_bytes", "9223372036854771712\n")
                .file(V1_FOLDERS.get(1) + "/memory.stat", "cache 4096\nrss 8192\nrss_huge 0\nhierarchical_memory_limit 9223372036854771712\n"
                        + "total_cache 12288\ntotal_rss 16384\ntotal_rss_huge 0\n")
                .file(V1_FOLDERS.get(2) + "/cpu.stat", "nr_periods 4\nnr_throttled 1\nthrottled_time 2000000000\nnr_bursts 0\nburst_time 0\n")
                .file(V1_FOLDERS.get(2) + "/cpu.shares", "1024\n")
                .file(V1_FOLDERS.get(3) + "/cpuacct.usage", "3500000000\n")
                .file(V1_FOLDERS.get(3) + "/cpuacct.stat", "user 300\nsystem 50\n")
                .file(V1_FOLDERS.get(4) + "/blkio.throttle.io_service_bytes", "8:0 Read 8192\n8:0 Write 4096\n8:0 Sync 0\n8:0 Async 12288\n"
                        + "8:0 Discard 0\n8:0 Total 12288\nTotal 12288\n")
                .file(V1_FOLDERS.get(4) + "/blkio.throttle.io_serviced", "8:0 Read 2\n8:0 Write 1\n8:0 Sync 0\n8:0 Async 3\n8:0 Discard 0\n"
                        + "8:0 Total 3\nTotal 3\n")
                .file(V1_FOLDERS.get(5) + "/pids.max", "max\n");
    }
}
