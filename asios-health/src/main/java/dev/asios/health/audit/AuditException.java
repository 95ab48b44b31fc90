package dev.asios.health.audit;

import java.io.Serial;

/**
 * The audit log could not be opened or written: a folder that cannot be created, a disk that is
 * full, a log in use by another agent. The message names the path and what to do. Damage found in
 * the log's content is never an exception: it is reported and recorded ({@link AuditLogCheck}).
 */
public final class AuditException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    /** An exception with its message and cause. */
    public AuditException(String message, Throwable cause) {
        super(message, cause);
    }

    /** An exception with its message. */
    public AuditException(String message) {
        super(message);
    }
}
