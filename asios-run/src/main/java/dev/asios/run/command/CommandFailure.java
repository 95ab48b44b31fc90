package dev.asios.run.command;

import java.io.Serial;

/** An outside command that did not give its output; the message names it and says why. */
public final class CommandFailure extends Exception {

    @Serial
    private static final long serialVersionUID = 1L;

    /** A failure, as {@code message}. */
    public CommandFailure(String message) {
        super(message);
    }
}
