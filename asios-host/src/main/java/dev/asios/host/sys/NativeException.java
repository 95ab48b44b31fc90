package dev.asios.host.sys;

import java.io.IOException;

/**
 * A libc call or system call that failed: names the call, the {@code errno} value, its symbolic
 * name and the C library's text for it, for example
 * {@code sched_setaffinity: Invalid argument (EINVAL)}. Where the binding knows what the call was
 * about, the message names it too: {@code perf_event_open for pid 42 on cpu -1: No such process (ESRCH)}.
 *
 * <p>The {@code errno} numbers are those of Linux's asm-generic table, which x86_64, aarch64 and
 * riscv64 share. Immutable.
 */
public final class NativeException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String call;
    private final int errno;
    private final String errnoName;
    private final String reason;

    /**
     * Creates the exception.
     *
     * @param call the C function or system call, for example {@code sched_setaffinity}
     * @param context what the call was about, for example {@code for pid 42}; empty when nothing
     * @param errno the error number, positive
     * @param errnoName the symbolic name, for example {@code EINVAL}
     * @param reason the C library's text, for example {@code Invalid argument}
     */
    public NativeException(String call, String context, int errno, String errnoName, String reason) {
        super(call + (context.isEmpty() ? "" : " " + context) + ": " + reason + " (" + errnoName + ")");
        this.call = call;
        this.errno = errno;
        this.errnoName = errnoName;
        this.reason = reason;
    }

    /** The failed C function or system call, for example {@code sched_setaffinity}. */
    public String call() {
        return call;
    }

    /** The error number, for example 22 for {@code EINVAL}. */
    public int errno() {
        return errno;
    }

    /** The symbolic name of {@link #errno()}, for example {@code EINVAL}; {@code errno N} where libc knows none. */
    public String errnoName() {
        return errnoName;
    }

    /** The C library's text for {@link #errno()}, for example {@code Invalid argument}. */
    public String reason() {
        return reason;
    }
}
