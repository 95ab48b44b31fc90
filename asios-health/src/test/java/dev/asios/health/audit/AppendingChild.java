package dev.asios.health.audit;

import java.nio.file.Path;
import java.time.InstantSource;

/**
 * The child JVM of {@link AuditLogCrashTest}: appends events to the audit log in {@code dir} as
 * fast as the disk allows, with whys of varying length, and prints each event's number on stdout
 * once its append returned (durable). Runs until killed.
 */
final class AppendingChild {

    /** Small files, so that kills land around rotations too. */
    static final AuditLogSettings SETTINGS = new AuditLogSettings(8 * 1024, 1000);

    private AppendingChild() {
    }

    /** Arguments: the log's folder. */
    public static void main(String[] args) {
        try (AuditLog log = AuditLog.open(Path.of(args[0]), SETTINGS, InstantSource.system())) {
            for (int i = 0; ; i++) {
                AuditEvent event = log.append(AuditEvent.builder(AuditEvent.HEAL, AuditEventType.FINDING, "cpu/" + (i % 4), "busy " + "y".repeat(i % 300)));
                System.out.println(event.sequence());
                System.out.flush();
            }
        }
    }
}
