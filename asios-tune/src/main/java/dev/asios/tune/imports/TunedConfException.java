package dev.asios.tune.imports;

import java.io.Serial;

/**
 * A tuned profile could not be read: a line of {@code tuned.conf} (or of a variables file it
 * includes) is not INI as tuned reads it, or the file is far larger than a profile. The message
 * reads {@code file:line: reason}.
 */
public final class TunedConfException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    /** An error at line {@code line} (1-based) of {@code file}: {@code reason} says what is wrong. */
    public TunedConfException(String file, int line, String reason) {
        super(file + ":" + line + ": " + reason);
    }
}
