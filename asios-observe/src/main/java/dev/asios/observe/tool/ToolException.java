package dev.asios.observe.tool;

/** A tool could not start, ran past its limit or failed; the message names it and says why. */
public final class ToolException extends Exception {

    private static final long serialVersionUID = 1L;

    /** A failure described by {@code message}. */
    public ToolException(String message) {
        super(message);
    }
}
