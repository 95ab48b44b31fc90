package dev.asios.cli.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.asios.agent.health.HealthMonitor;
import dev.asios.cli.CliRun;
import dev.asios.health.audit.AuditEvent;
import dev.asios.health.audit.AuditEventType;
import dev.asios.health.audit.AuditLog;
import dev.asios.health.audit.AuditLogSettings;
import dev.asios.health.audit.AuditValue;
import dev.asios.health.policy.HealMode;
import dev.asios.health.policy.RemediationKind;
import java.nio.file.Path;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventsCommandTest {

    @TempDir
    Path state;

    private void writeLog() {
        try (AuditLog log = AuditLog.open(state.resolve(HealthMonitor.AUDIT_DIR), AuditLogSettings.STANDARD, InstantSource.system())) {
            log.append(AuditEvent.builder(AuditEvent.HEAL, AuditEventType.FINDING, "tuning", "/proc/sys/vm/swappiness drifted: 77, applied 10"));
            log.append(AuditEvent.builder(AuditEvent.HEAL, AuditEventType.REMEDIATION_APPLIED, "tuning", "/proc/sys/vm/swappiness drifted")
                    .remediation(RemediationKind.REAPPLY_DRIFT).mode(HealMode.ENFORCE).before(AuditValue.of("/proc/sys/vm/swappiness: 77"))
                    .after(AuditValue.of("/proc/sys/vm/swappiness: 10")).undoRef("asios tune rollback").outcome("re-applied"));
        }
    }

    @Test
    void listsTheLogOldestFirstWithBeforeAfterAndUndo() {
        writeLog();
        CliRun run = CliRun.of("events", "--state", state.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).containsSubsequence("#1  finding  tuning", "#2  remediation-applied  tuning  reapply-drift  [enforce]",
                "before: /proc/sys/vm/swappiness: 77", "after: /proc/sys/vm/swappiness: 10", "undo: asios tune rollback");
    }

    @Test
    void filtersByTypeAndPrintsJson() throws Exception {
        writeLog();
        CliRun run = CliRun.of("events", "--state", state.toString(), "--type", "remediation-applied", "--json");
        JsonNode events = new ObjectMapper().readTree(run.out());
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.path("type").asText()).isEqualTo("remediation-applied");
            assertThat(e.path("remediation").asText()).isEqualTo("reapply-drift");
            assertThat(e.path("mode").asText()).isEqualTo("enforce");
        });
    }

    @Test
    void badOptionsAndAMissingLogSayWhatToDo() {
        CliRun missing = CliRun.of("events", "--state", state.toString());
        assertThat(missing.out()).contains("no audit log in " + state.resolve("audit") + ": 'asios up' writes it");
        CliRun badType = CliRun.of("events", "--state", state.toString(), "--type", "nope");
        assertThat(badType.exitCode()).isNotZero();
        assertThat(badType.err()).contains("--type 'nope' is no event type; known: agent-started");
    }
}
