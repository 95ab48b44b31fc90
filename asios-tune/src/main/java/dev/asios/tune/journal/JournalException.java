package dev.asios.tune.journal;

import java.io.Serial;

/** The journal cannot be read or written; the message names the file and what is wrong with it. */
public final class JournalException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message for the user and the cause. */
    public JournalException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Creates the exception with a message for the user. */
    public JournalException(String message) {
        super(message);
    }
}
