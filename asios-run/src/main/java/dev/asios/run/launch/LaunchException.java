package dev.asios.run.launch;

/**
 * A run that could not start, with what to do; nothing it made is left on the host. The
 * message names the file, setting or command at fault.
 */
public final class LaunchException extends Exception {

    private static final long serialVersionUID = 1L;

    /** A run that could not start, for {@code reason}. */
    public LaunchException(String reason) {
        super(reason);
    }

    /** A run that could not start, for {@code reason}, caused by {@code cause}. */
    public LaunchException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
