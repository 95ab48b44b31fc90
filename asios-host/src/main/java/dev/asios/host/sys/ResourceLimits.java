package dev.asios.host.sys;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * The resource limits of a process, through {@code prlimit(2)}. Limits are per process: they
 * apply to all its threads, and children inherit them. Stateless and thread-safe.
 */
public final class ResourceLimits {

    private static final int RLIMIT_MEMLOCK = 8;

    /** {@code RLIM_INFINITY} ({@code ~0UL}), as a signed long. */
    public static final long UNLIMITED = -1L;

    private static final NativeCall PRLIMIT = Libc.function("prlimit", JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, ADDRESS);

    private ResourceLimits() {
    }

    /**
     * A soft and a hard limit.
     *
     * @param soft the limit in force, in the resource's unit (bytes for locked memory), or {@link #UNLIMITED}
     * @param hard the ceiling to which the process may raise {@code soft}, or {@link #UNLIMITED}
     */
    public record Limit(long soft, long hard) {

        /** True if neither limit limits anything. */
        public boolean unlimited() {
            return soft == UNLIMITED && hard == UNLIMITED;
        }
    }

    /**
     * Lifts the locked-memory limit ({@code RLIMIT_MEMLOCK}) of process {@code pid}, soft and hard:
     * what {@code mlock}, RDMA and GPU pinned memory need.
     *
     * @throws IllegalArgumentException if {@code pid} is not in 1..2^31-1
     * @throws NativeException {@code EPERM} without {@code CAP_SYS_RESOURCE}, {@code ESRCH} for no such process
     */
    public static void setMemlockUnlimited(long pid) throws NativeException {
        checkPid(pid);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment limit = arena.allocate(JAVA_LONG, 2);
            limit.setAtIndex(JAVA_LONG, 0, UNLIMITED);
            limit.setAtIndex(JAVA_LONG, 1, UNLIMITED);
            PRLIMIT.invokeFor("of RLIMIT_MEMLOCK to unlimited for pid " + pid, (int) pid, RLIMIT_MEMLOCK, limit, MemorySegment.NULL);
        }
    }

    /**
     * The locked-memory limit ({@code RLIMIT_MEMLOCK}) of process {@code pid}, in bytes.
     *
     * @throws IllegalArgumentException if {@code pid} is not in 1..2^31-1
     * @throws NativeException {@code ESRCH} for no such process, {@code EPERM} if not allowed
     */
    public static Limit memlock(long pid) throws NativeException {
        checkPid(pid);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment limit = arena.allocate(JAVA_LONG, 2);
            PRLIMIT.invokeFor("of RLIMIT_MEMLOCK for pid " + pid, (int) pid, RLIMIT_MEMLOCK, MemorySegment.NULL, limit);
            return new Limit(limit.getAtIndex(JAVA_LONG, 0), limit.getAtIndex(JAVA_LONG, 1));
        }
    }

    private static void checkPid(long pid) {
        if (pid <= 0 || pid > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("pid must be in 1.." + Integer.MAX_VALUE + ", not " + pid);
        }
    }
}
