package dev.asios.agent.store;

import java.io.Serial;

/**
 * The sample store cannot be opened, read or written. The message is for the user: it names the
 * file or folder, what is wrong and what to do; the agent prints it as one line, without a stack
 * trace.
 */
public final class StoreException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message for the user and the cause. */
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Creates the exception with a message for the user. */
    public StoreException(String message) {
        super(message);
    }
}
