package dev.asios.tune.profile;

import java.io.Serial;
import java.util.Optional;

/**
 * A profile was refused: a bad file, a bad include, or a setting that cannot be applied to this
 * host. Thrown before anything on the host is touched. The message reads {@code file:line: reason}
 * when the place is known, {@code file: reason} when only the file is, and {@code reason} alone
 * for errors that come from the host rather than a file (an isolated CPU that is not online).
 */
public final class ProfileException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final String reason;

    private ProfileException(String file, int line, String reason) {
        super(format(file, line, reason));
        this.file = file;
        this.line = line;
        this.reason = reason;
    }

    /** An error at line {@code line} (1-based; 0 when unknown) of {@code file}. */
    public static ProfileException at(String file, int line, String reason) {
        return new ProfileException(file, Math.max(0, line), reason);
    }

    /** An error with no file: the setting is well formed but does not fit the host. */
    public static ProfileException of(String reason) {
        return new ProfileException(null, 0, reason);
    }

    /** The file the error is in, when it is in a file. */
    public Optional<String> file() {
        return Optional.ofNullable(file);
    }

    /** The 1-based line, or 0 when unknown. */
    public int line() {
        return line;
    }

    /** What is wrong, without the place. */
    public String reason() {
        return reason;
    }

    private static String format(String file, int line, String reason) {
        if (file == null) {
            return reason;
        }
        return line > 0 ? file + ":" + line + ": " + reason : file + ": " + reason;
    }
}
