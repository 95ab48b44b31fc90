package dev.asios.host.kernel;

import java.util.List;

/**
 * The cgroup hierarchies, from the mount table. Immutable.
 *
 * @param version which hierarchies are mounted
 * @param mounts each cgroup and cgroup2 mount, in mount-table order
 * @param cpusetOnV2 the unified hierarchy offers the cpuset controller (it lists {@code cpuset} in
 *     {@code cgroup.controllers}); false on v1-only hosts, or where cpuset is bound to v1
 * @param isolatedPartitions cpuset partitions of type {@code isolated} can be made: cpuset on v2,
 *     a kernel of 6.1 or later (when the {@code isolated} type arrived), and cpuset enabled for
 *     children (in the root's {@code cgroup.subtree_control}, or a child already has
 *     {@code cpuset.cpus.partition}). False when any of these is not shown, including an unknown
 *     kernel version.
 */
public record Cgroups(CgroupVersion version, List<CgroupMount> mounts, boolean cpusetOnV2, boolean isolatedPartitions) {

    /** Creates an immutable copy. */
    public Cgroups {
        mounts = List.copyOf(mounts);
    }
}
