package dev.asios.health.audit;

/**
 * How large the audit log may grow.
 *
 * @param maxFileBytes the size beyond which the active file is rotated, at least 1 KiB
 * @param keepRotated how many rotated files are kept, 0..1000; the log holds at most about
 *     {@code (keepRotated + 1) * maxFileBytes} bytes
 */
public record AuditLogSettings(long maxFileBytes, int keepRotated) {

    /** The agent's settings: 8 MiB files, four kept besides the active one (about 200,000 events). */
    public static final AuditLogSettings STANDARD = new AuditLogSettings(8L << 20, 4);

    /**
     * Checks the bounds.
     *
     * @throws IllegalArgumentException naming the setting, the bound and the value
     */
    public AuditLogSettings {
        if (maxFileBytes < 1024) {
            throw new IllegalArgumentException("audit log maxFileBytes must be at least 1024, given " + maxFileBytes);
        }
        if (keepRotated < 0 || keepRotated > 1000) {
            throw new IllegalArgumentException("audit log keepRotated must be 0..1000, given " + keepRotated);
        }
    }
}
