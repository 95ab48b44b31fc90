package dev.asios.host.kernel;

import java.util.List;
import java.util.Optional;

/**
 * One mounted cgroup hierarchy. Immutable.
 *
 * @param version {@link CgroupVersion#V1} for a {@code cgroup} mount, {@link CgroupVersion#V2} for {@code cgroup2}
 * @param mountPoint where it is mounted, for example {@code /sys/fs/cgroup/cpuset}
 * @param controllers the controllers bound to it, sorted: from the mount options on v1, from
 *     {@code cgroup.controllers} at the mount point on v2 (empty when that file is missing)
 * @param name the {@code name=} of a named v1 hierarchy, such as systemd's
 */
public record CgroupMount(CgroupVersion version, String mountPoint, List<String> controllers, Optional<String> name) {

    /** Creates an immutable copy. */
    public CgroupMount {
        controllers = List.copyOf(controllers);
    }
}
