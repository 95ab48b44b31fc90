package dev.asios.host.parse;

import java.io.Serial;

/**
 * Text from the kernel (or a recorded tree, or a user) did not have the expected format. The
 * message quotes the offending text and says what was expected. Readers catch it and turn it into
 * a {@link dev.asios.host.sysroot.Diagnostics} warning that names the file.
 */
public final class ParseException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    /** Creates the exception; the message must quote the bad text. */
    public ParseException(String message) {
        super(message);
    }
}
