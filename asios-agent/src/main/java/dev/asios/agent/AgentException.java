package dev.asios.agent;

/**
 * The agent cannot start or keep running for a reason the operator can fix: the port is taken,
 * the state folder is not writable, the store is corrupt. The message says what and what to do;
 * the command line prints it as one line and exits with its own code, never a stack trace.
 */
public final class AgentException extends Exception {

    private static final long serialVersionUID = 1L;

    /** A failure with a message for the operator. */
    public AgentException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A failure with a message for the operator. */
    public AgentException(String message) {
        super(message);
    }
}
