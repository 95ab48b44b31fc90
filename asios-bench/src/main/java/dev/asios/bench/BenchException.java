package dev.asios.bench;

import java.io.Serial;

/**
 * A benchmark that cannot run as asked: a bad option (named, with the accepted values), or a host
 * that lacks what the probe needs. Never a reference tool that is missing: that is reported in
 * the result and the probe runs alone.
 */
public final class BenchException extends Exception {

    @Serial
    private static final long serialVersionUID = 1L;

    /** A benchmark that cannot run, for {@code reason}. */
    public BenchException(String reason) {
        super(reason);
    }

    /** A benchmark that cannot run, for {@code reason}, caused by {@code cause}. */
    public BenchException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
