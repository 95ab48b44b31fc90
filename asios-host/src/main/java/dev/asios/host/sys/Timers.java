package dev.asios.host.sys;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * The monotonic clock and absolute sleeps on it, through {@code clock_gettime(2)} and
 * {@code clock_nanosleep(2)} with {@code CLOCK_MONOTONIC}: the clock and the sleep that cyclictest
 * uses, so that a probe's deadlines and wake-up times are on the kernel's own timer clock.
 *
 * <p>Times are nanoseconds since an unspecified start (the boot, on Linux), never negative. Neither
 * call allocates on the Java heap once the calling thread has made its first call: each thread owns
 * one {@link Sleeper}, whose {@code struct timespec} is reused. A hot loop keeps its own
 * {@link Sleeper} and skips the per-thread lookup. A sleep blocks the OS thread; on a virtual thread
 * it blocks the carrier, so sleep on platform threads. Thread-safe.
 */
public final class Timers {

    // include/uapi/linux/time.h
    private static final int CLOCK_MONOTONIC = 1;
    private static final int TIMER_ABSTIME = 1;
    // asm-generic/errno-base.h
    private static final int EINTR = 4;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    // struct timespec { time_t tv_sec; long tv_nsec; }: two 64-bit fields on x86_64, aarch64 and riscv64.
    private static final MemoryLayout TIMESPEC = MemoryLayout.structLayout(JAVA_LONG.withName("tv_sec"), JAVA_LONG.withName("tv_nsec"));
    private static final long TV_NSEC_OFFSET = JAVA_LONG.byteSize();

    // A vDSO read of a few tens of nanoseconds: bound as critical, without the switch to native state.
    private static final MethodHandle CLOCK_GETTIME = Libc.plain("clock_gettime", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS),
            Linker.Option.critical(false));
    // clock_nanosleep returns the error number itself and leaves errno alone.
    private static final MethodHandle CLOCK_NANOSLEEP = Libc.plain("clock_nanosleep", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, ADDRESS));

    private static final ThreadLocal<Sleeper> SLEEPERS = ThreadLocal.withInitial(Sleeper::new);

    private Timers() {
    }

    /** The calling thread's reading of {@code CLOCK_MONOTONIC}, in nanoseconds. */
    public static long monotonicNanos() {
        return SLEEPERS.get().nowNanos();
    }

    /**
     * Sleeps until {@code CLOCK_MONOTONIC} reaches {@code deadlineNanos}; returns at once for a
     * deadline already past. A signal that interrupts the sleep does not end it.
     *
     * @throws IllegalArgumentException if {@code deadlineNanos} is negative
     * @throws NativeException if the kernel refuses the sleep
     */
    public static void sleepUntilNanos(long deadlineNanos) throws NativeException {
        SLEEPERS.get().sleepUntilNanos(deadlineNanos);
    }

    /**
     * A clock reader and sleeper that owns its {@code struct timespec}: made once per thread, then
     * used without allocating. Not thread-safe: one thread at a time. Its native memory is freed
     * when it is garbage collected.
     */
    public static final class Sleeper {

        private final MemorySegment timespec = Arena.ofAuto().allocate(TIMESPEC);

        /** A sleeper with its own {@code struct timespec}. */
        public Sleeper() {
        }

        /** The reading of {@code CLOCK_MONOTONIC}, in nanoseconds. */
        public long nowNanos() {
            int result;
            try {
                result = (int) CLOCK_GETTIME.invokeExact(CLOCK_MONOTONIC, timespec);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException("clock_gettime: " + t, t);
            }
            if (result != 0) {
                throw new IllegalStateException("clock_gettime(CLOCK_MONOTONIC) returned " + result + "; the kernel lacks a monotonic clock");
            }
            return timespec.get(JAVA_LONG, 0) * NANOS_PER_SECOND + timespec.get(JAVA_LONG, TV_NSEC_OFFSET);
        }

        /**
         * Sleeps until {@code CLOCK_MONOTONIC} reaches {@code deadlineNanos}, as
         * {@link Timers#sleepUntilNanos} does.
         *
         * @throws IllegalArgumentException if {@code deadlineNanos} is negative
         * @throws NativeException if the kernel refuses the sleep
         */
        public void sleepUntilNanos(long deadlineNanos) throws NativeException {
            if (deadlineNanos < 0) {
                throw new IllegalArgumentException("a monotonic deadline is at least 0 ns, not " + deadlineNanos);
            }
            timespec.set(JAVA_LONG, 0, deadlineNanos / NANOS_PER_SECOND);
            timespec.set(JAVA_LONG, TV_NSEC_OFFSET, deadlineNanos % NANOS_PER_SECOND);
            int result;
            do {
                result = sleep();
            } while (result == EINTR);
            if (result != 0) {
                throw Libc.failure("clock_nanosleep", "until " + deadlineNanos + " ns on CLOCK_MONOTONIC", result);
            }
        }

        private int sleep() {
            try {
                return (int) CLOCK_NANOSLEEP.invokeExact(CLOCK_MONOTONIC, TIMER_ABSTIME, timespec, MemorySegment.NULL);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException("clock_nanosleep: " + t, t);
            }
        }
    }
}
