package dev.asios.health.heal.neighbour;

import dev.asios.host.kernel.CgroupVersion;

/**
 * One cgroup folder of one mounted hierarchy. Immutable.
 *
 * @param version v1 or v2
 * @param mountPoint where the hierarchy is mounted, such as {@code /sys/fs/cgroup/memory}
 * @param path the cgroup's path in the hierarchy, as {@code /proc/PID/cgroup} shows it:
 *     {@code /} for the root, {@code /system.slice/backup.service}
 */
public record CgroupFolder(CgroupVersion version, String mountPoint, String path) {

    /** The folder's host path: the mount point and the path. */
    public String hostPath() {
        return isRoot() ? mountPoint : mountPoint + path;
    }

    /** Whether it is the hierarchy's root, which is never throttled. */
    public boolean isRoot() {
        return path.equals("/");
    }

    /** The host path of the control file {@code name} in this folder. */
    String file(String name) {
        return hostPath() + "/" + name;
    }
}
