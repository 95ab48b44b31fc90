package dev.asios.host.sysroot;

import java.io.Serial;

/**
 * The sysroot itself is unusable: it does not exist, is not a folder, or does not look like a
 * Linux tree. A user error: the message says which path and what was expected.
 */
public final class SysrootException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message meant for the user. */
    public SysrootException(String message) {
        super(message);
    }
}
