package dev.asios.host.kernel;

import java.util.List;

/**
 * One mounted file system from {@code /proc/self/mountinfo} or {@code /proc/mounts}. Immutable.
 *
 * @param mountPoint where it is mounted, as a host path with octal escapes decoded
 * @param fsType the file system type, for example {@code cgroup2}
 * @param options the per-mount options followed by the super-block options (mountinfo keeps them
 *     apart; {@code /proc/mounts} shows them merged), for example {@code rw, relatime, cpuset}
 */
public record MountEntry(String mountPoint, String fsType, List<String> options) {

    /** Creates an immutable copy. */
    public MountEntry {
        options = List.copyOf(options);
    }
}
