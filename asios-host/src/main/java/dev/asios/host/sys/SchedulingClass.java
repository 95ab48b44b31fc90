package dev.asios.host.sys;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * The scheduling policy and real-time priority of a thread, through {@code sched_setscheduler(2)},
 * {@code sched_getscheduler(2)}, {@code sched_getparam(2)} and {@code sched_get_priority_min/max(2)}.
 *
 * <p>The policy belongs to one OS thread. The {@code CurrentThread} methods act on the calling
 * thread and refuse virtual threads. Threads and processes the thread creates afterwards inherit
 * the policy (see {@link Affinity} about the JDK's process reaper). Raising a thread to
 * {@link Policy#FIFO} or {@link Policy#RR} needs {@code CAP_SYS_NICE} or an {@code RLIMIT_RTPRIO}
 * that allows the priority. Stateless and thread-safe.
 */
public final class SchedulingClass {

    // SCHED_RESET_ON_FORK, which sched_getscheduler ORs into the policy.
    private static final int RESET_ON_FORK = 0x4000_0000;

    private static final NativeCall SCHED_SETSCHEDULER = Libc.function("sched_setscheduler", JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS);
    private static final NativeCall SCHED_GETSCHEDULER = Libc.function("sched_getscheduler", JAVA_INT, JAVA_INT);
    private static final NativeCall SCHED_GETPARAM = Libc.function("sched_getparam", JAVA_INT, JAVA_INT, ADDRESS);
    private static final NativeCall SCHED_GET_PRIORITY_MAX = Libc.function("sched_get_priority_max", JAVA_INT, JAVA_INT);
    private static final NativeCall SCHED_GET_PRIORITY_MIN = Libc.function("sched_get_priority_min", JAVA_INT, JAVA_INT);

    private SchedulingClass() {
    }

    /** A scheduling policy ({@code SCHED_*} of {@code include/uapi/linux/sched.h}). */
    public enum Policy {
        /** {@code SCHED_OTHER}: the default time-sharing policy (CFS/EEVDF); priority 0. */
        OTHER(0),
        /** {@code SCHED_FIFO}: real-time, first in first out; priority 1 to 99. */
        FIFO(1),
        /** {@code SCHED_RR}: real-time, round robin among equal priorities; priority 1 to 99. */
        RR(2),
        /** {@code SCHED_BATCH}: time-sharing for CPU-bound work, fewer preemptions; priority 0. */
        BATCH(3),
        /** {@code SCHED_IDLE}: runs only when nothing else wants the CPU; priority 0. */
        IDLE(5);

        private final int code;

        Policy(int code) {
            this.code = code;
        }

        /** The kernel's {@code SCHED_*} number, as field 41 of {@code /proc/PID/stat} shows it. */
        public int code() {
            return code;
        }

        static Policy ofCode(int code) {
            for (Policy policy : values()) {
                if (policy.code == code) {
                    return policy;
                }
            }
            throw new IllegalStateException("sched_getscheduler returned policy " + code + ", which is none of OTHER, FIFO, RR, BATCH, IDLE");
        }
    }

    /**
     * Sets the calling thread's policy and priority.
     *
     * @param priority 1 to {@link #maxPriority} for {@link Policy#FIFO} and {@link Policy#RR}, 0 for the others
     * @throws IllegalArgumentException if the priority is outside the policy's range
     * @throws IllegalStateException on a virtual thread
     * @throws NativeException {@code EPERM} without the privilege for a real-time policy
     */
    public static void setCurrentThread(Policy policy, int priority) throws NativeException {
        Libc.requirePlatformThread("SchedulingClass.setCurrentThread");
        int min = minPriority(policy);
        int max = maxPriority(policy);
        if (priority < min || priority > max) {
            throw new IllegalArgumentException("priority " + priority + " is outside " + min + ".." + max + " for scheduling policy " + policy);
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment param = arena.allocate(JAVA_INT);
            param.set(JAVA_INT, 0, priority);
            SCHED_SETSCHEDULER.invokeFor("to " + policy + " priority " + priority, 0, policy.code(), param);
        }
    }

    /**
     * The calling thread's policy.
     *
     * @throws IllegalStateException on a virtual thread, or for a policy this class does not know ({@code SCHED_DEADLINE})
     * @throws NativeException if the kernel refuses
     */
    public static Policy ofCurrentThread() throws NativeException {
        Libc.requirePlatformThread("SchedulingClass.ofCurrentThread");
        return Policy.ofCode((int) SCHED_GETSCHEDULER.invoke(0) & ~RESET_ON_FORK);
    }

    /**
     * The calling thread's real-time priority: 0 under a time-sharing policy.
     *
     * @throws IllegalStateException on a virtual thread
     * @throws NativeException if the kernel refuses
     */
    public static int priorityOfCurrentThread() throws NativeException {
        Libc.requirePlatformThread("SchedulingClass.priorityOfCurrentThread");
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment param = arena.allocate(JAVA_INT);
            SCHED_GETPARAM.invoke(0, param);
            return param.get(JAVA_INT, 0);
        }
    }

    /** The highest priority of {@code policy}: 99 for the real-time policies, 0 for the others. */
    public static int maxPriority(Policy policy) throws NativeException {
        return (int) SCHED_GET_PRIORITY_MAX.invokeFor("for " + policy, policy.code());
    }

    /** The lowest priority of {@code policy}: 1 for the real-time policies, 0 for the others. */
    public static int minPriority(Policy policy) throws NativeException {
        return (int) SCHED_GET_PRIORITY_MIN.invokeFor("for " + policy, policy.code());
    }
}
