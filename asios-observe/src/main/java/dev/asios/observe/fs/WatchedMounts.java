package dev.asios.observe.fs;

import dev.asios.host.kernel.MountEntry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which mounts the file system collector reports: real file systems that hold data, as
 * {@code node_exporter} chooses them by default. Left out are pseudo file systems (proc, sysfs,
 * cgroup, tracefs, ...), overlay and image file systems that are full by design (squashfs, erofs,
 * iso9660), and mount points under {@code /proc}, {@code /sys}, {@code /dev} (but
 * {@code /dev/shm} is kept: NCCL and data loaders fill it), {@code /run/credentials} and the
 * per-container trees of Docker and Podman. A device mounted several times (bind mounts) is
 * reported once, at its first mount in the table (the kernel lists parents first). Pure and
 * thread-safe.
 */
final class WatchedMounts {

    private static final Set<String> LEFT_OUT_TYPES = Set.of("autofs", "binfmt_misc", "bpf", "cgroup", "cgroup2", "configfs", "debugfs", "devpts",
            "devtmpfs", "efivarfs", "fusectl", "hugetlbfs", "iso9660", "mqueue", "nsfs", "overlay", "proc", "procfs", "pstore", "ramfs", "rpc_pipefs",
            "securityfs", "selinuxfs", "squashfs", "erofs", "sysfs", "tracefs");
    private static final List<String> LEFT_OUT_TREES = List.of("/proc", "/sys", "/dev", "/run/credentials", "/var/lib/docker/", "/var/lib/containers/storage/");
    private static final String SHARED_MEMORY = "/dev/shm";

    private WatchedMounts() {
    }

    /** The mounts of {@code table} to report, in its order. */
    static List<MountEntry> of(List<MountEntry> table) {
        List<MountEntry> watched = new ArrayList<>();
        Set<String> devices = new HashSet<>();
        for (MountEntry mount : table) {
            if (LEFT_OUT_TYPES.contains(mount.fsType()) || leftOutTree(mount.mountPoint())) {
                continue;
            }
            if (mount.source().startsWith("/") && !devices.add(mount.source())) {
                continue;
            }
            watched.add(mount);
        }
        return watched;
    }

    private static boolean leftOutTree(String mountPoint) {
        if (mountPoint.equals(SHARED_MEMORY)) {
            return false;
        }
        for (String tree : LEFT_OUT_TREES) {
            boolean under = tree.endsWith("/") ? mountPoint.startsWith(tree) : mountPoint.equals(tree) || mountPoint.startsWith(tree + "/");
            if (under) {
                return true;
            }
        }
        return false;
    }
}
