package dev.asios.host.kernel;

/** Which cgroup hierarchies a host mounts. */
public enum CgroupVersion {
    /** Only legacy per-controller hierarchies ({@code cgroup} mounts). */
    V1,
    /** Only the unified hierarchy ({@code cgroup2}), as on Ubuntu 22.04 and later. */
    V2,
    /** Both: legacy controllers plus a unified hierarchy (systemd's hybrid mode, or Docker hosts). */
    HYBRID,
    /** No cgroup file system is mounted. */
    NONE
}
