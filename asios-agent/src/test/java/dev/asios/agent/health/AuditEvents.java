package dev.asios.agent.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asios.health.audit.AuditEvent;
import dev.asios.health.audit.AuditEventType;
import dev.asios.health.audit.AuditQuery;
import dev.asios.health.audit.AuditReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/** The agent's audit events, read from its state folder, for the fault injection tests. */
final class AuditEvents {

    private AuditEvents() {
    }

    /** The first event of {@code type} since {@code sinceMs}, waited for up to {@code timeout}; fails the test when none comes. */
    static AuditEvent await(Path stateDir, AuditEventType type, long sinceMs, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<AuditEvent> events = since(stateDir, type, sinceMs);
            if (!events.isEmpty()) {
                return events.getFirst();
            }
            assertThat(System.nanoTime()).as("no " + type + " event within " + timeout).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    /** The events of {@code type} since {@code sinceMs}, oldest first. */
    static List<AuditEvent> since(Path stateDir, AuditEventType type, long sinceMs) {
        return AuditReader.read(stateDir.resolve(HealthMonitor.AUDIT_DIR), AuditQuery.all().withTypes(Set.of(type)).withSince(sinceMs).withNewestFirst(false))
                .events();
    }
}
