package dev.asios.host.sys;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.asios.host.parse.CpuSet;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;

/**
 * The NUMA memory policy of a thread, through the {@code set_mempolicy(2)} and
 * {@code get_mempolicy(2)} system calls (glibc has no wrapper; libnuma is not needed).
 *
 * <p>The policy belongs to one OS thread and decides where its future page allocations go. The
 * methods act on the calling thread and refuse virtual threads. Threads and processes the thread
 * creates afterwards inherit the policy (see {@link Affinity} about the JDK's process reaper).
 * Stateless and thread-safe.
 */
public final class NumaMemoryPolicy {

    // MPOL_F_NUMA_BALANCING, MPOL_F_RELATIVE_NODES, MPOL_F_STATIC_NODES: flags get_mempolicy ORs into the mode.
    private static final int MODE_FLAGS = 0xE000;

    // MAX_NUMNODES is at most 1 << 10 (CONFIG_NODES_SHIFT <= 10).
    private static final int READ_NODE_BITS = 1024;

    private static final NativeCall SET_MEMPOLICY = Libc.syscall("set_mempolicy", JAVA_LONG, ADDRESS, JAVA_LONG);
    private static final NativeCall GET_MEMPOLICY = Libc.syscall("get_mempolicy", ADDRESS, ADDRESS, JAVA_LONG, ADDRESS, JAVA_LONG);

    private NumaMemoryPolicy() {
    }

    /** A memory policy mode ({@code MPOL_*} of {@code include/uapi/linux/mempolicy.h}). */
    public enum Mode {
        /** {@code MPOL_DEFAULT}: the process's policy, or local allocation; takes no nodes. */
        DEFAULT(0),
        /** {@code MPOL_PREFERRED}: the first node of the set first, others when it is full. */
        PREFERRED(1),
        /** {@code MPOL_BIND}: only the nodes of the set. */
        BIND(2),
        /** {@code MPOL_INTERLEAVE}: pages spread round-robin over the nodes of the set. */
        INTERLEAVE(3),
        /** {@code MPOL_LOCAL}: the node of the CPU that allocates; takes no nodes. */
        LOCAL(4);

        private final int code;

        Mode(int code) {
            this.code = code;
        }

        /** The kernel's {@code MPOL_*} number. */
        public int code() {
            return code;
        }

        boolean takesNodes() {
            return this != DEFAULT && this != LOCAL;
        }

        static Mode ofCode(int code) {
            for (Mode mode : values()) {
                if (mode.code == code) {
                    return mode;
                }
            }
            throw new IllegalStateException("get_mempolicy returned mode " + code + ", which is none of " + Arrays.toString(values()));
        }
    }

    /**
     * A thread's policy as the kernel reports it.
     *
     * @param mode the mode, without the mode flags
     * @param nodes the NUMA nodes of the policy; empty for {@link Mode#DEFAULT} and {@link Mode#LOCAL}
     */
    public record Current(Mode mode, CpuSet nodes) {
    }

    /**
     * Sets the calling thread's memory policy.
     *
     * @param mode the mode
     * @param nodes NUMA node numbers: empty for {@link Mode#DEFAULT} and {@link Mode#LOCAL}, at least one otherwise
     * @throws IllegalArgumentException if {@code nodes} does not fit {@code mode}
     * @throws IllegalStateException on a virtual thread
     * @throws NativeException {@code EINVAL} if no node of the set has memory or is allowed;
     *     {@code ENOSYS} on a kernel without NUMA support or an architecture without a known system call number
     */
    public static void setCurrentThread(Mode mode, CpuSet nodes) throws NativeException {
        Libc.requirePlatformThread("NumaMemoryPolicy.setCurrentThread");
        if (mode.takesNodes() == nodes.isEmpty()) {
            throw new IllegalArgumentException("memory policy " + mode + (mode.takesNodes() ? " needs at least one node" : " takes no nodes, not " + nodes.toList()));
        }
        String context = "to " + mode + (nodes.isEmpty() ? "" : " nodes " + nodes.toList());
        if (nodes.isEmpty()) {
            SET_MEMPOLICY.invokeFor(context, (long) mode.code(), MemorySegment.NULL, 0L);
            return;
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment mask = Bitmask.of(arena, nodes);
            // The kernel reads maxnode - 1 bits (get_nodes() in mm/mempolicy.c), so maxnode is bits + 1.
            SET_MEMPOLICY.invokeFor(context, (long) mode.code(), mask, Bitmask.bits(mask) + 1L);
        }
    }

    /**
     * The calling thread's memory policy.
     *
     * @throws IllegalStateException on a virtual thread, or for a mode this class does not know
     * @throws NativeException {@code ENOSYS} on a kernel without NUMA support or an architecture without a known system call number
     */
    public static Current ofCurrentThread() throws NativeException {
        Libc.requirePlatformThread("NumaMemoryPolicy.ofCurrentThread");
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment mode = arena.allocate(JAVA_INT);
            MemorySegment mask = Bitmask.allocate(arena, READ_NODE_BITS);
            GET_MEMPOLICY.invoke(mode, mask, Bitmask.bits(mask) + 1L, MemorySegment.NULL, 0L);
            return new Current(Mode.ofCode(mode.get(JAVA_INT, 0) & ~MODE_FLAGS), Bitmask.read(mask));
        }
    }
}
