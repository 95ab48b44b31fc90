package dev.asios.cli;

import java.io.Serial;

/** A mistake in what the user asked for; printed as one line, exit code {@link ExitCodes#BAD_INPUT}. */
public final class UserException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    /** Creates the exception; the message says what was wrong and what to do. */
    public UserException(String message) {
        super(message);
    }
}
