package dev.asios.host.kernel;

import dev.asios.host.sysroot.SysrootValues;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@link Cgroups} from {@code /proc/self/mountinfo}, else {@code /proc/mounts}, and the v2
 * hierarchy's files at its mount point, read through the sysroot at that host path. A cgroup
 * mount point that is not a plain absolute path (only a garbled table has one) is left out with a
 * warning, so nothing outside the sysroot is ever read.
 */
final class CgroupReader {

    /** The controllers a v1 mount can carry (include/linux/cgroup_subsys.h); other options are mount flags. */
    private static final Set<String> V1_CONTROLLERS = Set.of("cpuset", "cpu", "cpuacct", "blkio", "io", "memory", "devices",
            "freezer", "net_cls", "net_prio", "perf_event", "hugetlb", "pids", "rdma", "misc", "debug");

    private final SysrootValues values;

    CgroupReader(SysrootValues values) {
        this.values = values;
    }

    Optional<Cgroups> read(Optional<KernelVersion> kernel) {
        String source = values.sysroot().exists("/proc/self/mountinfo") ? "/proc/self/mountinfo" : "/proc/mounts";
        Optional<List<MountEntry>> table = source.equals("/proc/mounts")
                ? values.parsed(source, MountTableParser::parseMounts)
                : values.parsed(source, MountTableParser::parseMountinfo);
        if (table.isEmpty()) {
            return Optional.empty();
        }
        List<CgroupMount> mounts = new ArrayList<>();
        for (MountEntry entry : table.get()) {
            boolean cgroup = entry.fsType().equals("cgroup") || entry.fsType().equals("cgroup2");
            if (cgroup && !isPlainAbsolute(entry.mountPoint())) {
                values.sysroot().diagnostics().warn(source, "cgroup mount point '" + entry.mountPoint() + "' is not a plain absolute path; left out");
            } else if (entry.fsType().equals("cgroup")) {
                mounts.add(v1Mount(entry));
            } else if (cgroup) {
                mounts.add(new CgroupMount(CgroupVersion.V2, entry.mountPoint(), v2Controllers(entry.mountPoint()), Optional.empty()));
            }
        }
        Optional<CgroupMount> unified = mounts.stream().filter(m -> m.version() == CgroupVersion.V2).findFirst();
        boolean cpusetOnV2 = unified.isPresent() && unified.get().controllers().contains("cpuset");
        boolean partitions = cpusetOnV2 && kernel.map(k -> k.atLeast(6, 1)).orElse(false) && cpusetForChildren(unified.get().mountPoint());
        return Optional.of(new Cgroups(version(mounts), mounts, cpusetOnV2, partitions));
    }

    private static CgroupMount v1Mount(MountEntry entry) {
        List<String> controllers = entry.options().stream().filter(V1_CONTROLLERS::contains).distinct().sorted().toList();
        Optional<String> name = entry.options().stream().filter(o -> o.startsWith("name=")).map(o -> o.substring(5)).findFirst();
        return new CgroupMount(CgroupVersion.V1, entry.mountPoint(), controllers, name);
    }

    // Format of cgroup.controllers and cgroup.subtree_control: "cpuset cpu io memory pids" (may be empty)
    private List<String> v2Controllers(String mountPoint) {
        return words(under(mountPoint, "cgroup.controllers")).stream().sorted().toList();
    }

    private boolean cpusetForChildren(String mountPoint) {
        if (words(under(mountPoint, "cgroup.subtree_control")).contains("cpuset")) {
            return true;
        }
        return values.sysroot().list(mountPoint).stream()
                .anyMatch(child -> values.sysroot().exists(under(mountPoint, child + "/cpuset.cpus.partition")));
    }

    private List<String> words(String path) {
        return values.string(path).map(text -> Arrays.stream(text.split("\\s+")).filter(w -> !w.isEmpty()).toList()).orElse(List.of());
    }

    private static String under(String mountPoint, String name) {
        return mountPoint.endsWith("/") ? mountPoint + name : mountPoint + "/" + name;
    }

    private static boolean isPlainAbsolute(String path) {
        return path.startsWith("/") && !path.contains("//") && !(path + "/").contains("/../") && !(path + "/").contains("/./");
    }

    private static CgroupVersion version(List<CgroupMount> mounts) {
        boolean v1 = mounts.stream().anyMatch(m -> m.version() == CgroupVersion.V1);
        boolean v2 = mounts.stream().anyMatch(m -> m.version() == CgroupVersion.V2);
        if (v1 && v2) {
            return CgroupVersion.HYBRID;
        }
        return v1 ? CgroupVersion.V1 : v2 ? CgroupVersion.V2 : CgroupVersion.NONE;
    }
}
