package dev.asios.host.kernel;

import java.util.List;

/**
 * One mounted file system from {@code /proc/self/mountinfo} or {@code /proc/mounts}. Immutable.
 *
 * @param mountPoint where it is mounted, as a host path with octal escapes decoded
 * @param fsType the file system type, for example {@code cgroup2}
 * @param options the per-mount options followed by the super-block options (mountinfo keeps them
 *     apart; {@code /proc/mounts} shows them merged), for example {@code rw, relatime, cpuset}
 * @param source what is mounted, as the kernel names it: a device ({@code /dev/nvme0n1p2}), a
 *     server export ({@code filer:/ckpt}), or the file system's name ({@code tmpfs}, {@code cgroup})
 */
public record MountEntry(String mountPoint, String fsType, List<String> options, String source) {

    /** Creates an immutable copy. */
    public MountEntry {
        options = List.copyOf(options);
    }
}
