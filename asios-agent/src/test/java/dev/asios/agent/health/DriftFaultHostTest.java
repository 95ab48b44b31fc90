package dev.asios.agent.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asios.agent.Agent;
import dev.asios.agent.AgentSettings;
import dev.asios.health.audit.AuditEvent;
import dev.asios.health.audit.AuditEventType;
import dev.asios.health.policy.HealMode;
import dev.asios.health.policy.HealPolicy;
import dev.asios.host.sysroot.Sysroot;
import dev.asios.tune.apply.ExecutionListener;
import dev.asios.tune.apply.PlanExecutor;
import dev.asios.tune.apply.Rollback;
import dev.asios.tune.plan.Change;
import dev.asios.tune.plan.Plan;
import dev.asios.tune.plan.ValueFormat;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Fault injection on this host: a sysctl of the active profile changed behind ASIOS's back. With
 * the policy in enforce mode the agent detects the drift and writes the applied value back, with
 * audit events; in dry-run it only proposes. Prints the time to detect and to heal. Restores the
 * sysctl (rollback, then the original written directly) whatever happens.
 */
@Tag("host")
@Tag("slow")
class DriftFaultHostTest {

    private static final String SWAPPINESS = "/proc/sys/vm/swappiness";

    @TempDir
    Path state;

    @ParameterizedTest
    @EnumSource(value = HealMode.class, names = {"ENFORCE", "DRY_RUN"})
    void aSysctlChangedBehindTheAgentsBackIsHealedInEnforceAndOnlyReportedInDryRun(HealMode mode) throws Exception {
        Sysroot host = Sysroot.host();
        Path journal = state.resolve("tune");
        String original = host.readTrimmed(SWAPPINESS).orElseThrow();
        String applied = original.equals("10") ? "11" : "10";
        String behindTheBack = original.equals("77") ? "78" : "77";
        new PlanExecutor(host, journal, Clock.systemUTC(), ExecutionListener.NONE).apply(new Plan("fault-test",
                List.of(new Change("memory.swappiness", SWAPPINESS, ValueFormat.PLAIN, original, applied, "fault injection")), List.of()));
        try {
            HealthOptions health = new HealthOptions(HealPolicy.builtIn().withMode(mode), Optional.empty(), HealthOptions.PROFILES_DIR, HealthOptions.RETRY_AFTER);
            try (Agent agent = Agent.start(new AgentSettings(InetAddress.getLoopbackAddress(), 0, Duration.ofMillis(500), state, journal, host, false, health),
                    "test")) {
                assertThat(agent.collectors()).isNotEmpty();
                Thread.sleep(1500);
                long injectedMs = System.currentTimeMillis();
                write(SWAPPINESS, behindTheBack);
                AuditEvent proposed = AuditEvents.await(state, AuditEventType.REMEDIATION_PROPOSED, injectedMs, Duration.ofSeconds(20));
                AuditEvent finding = AuditEvents.await(state, AuditEventType.FINDING, injectedMs, Duration.ofSeconds(1));
                assertThat(finding.why()).contains(SWAPPINESS);
                assertThat(proposed.remediation().wireName()).isEqualTo("reapply-drift");
                if (mode == HealMode.ENFORCE) {
                    AuditEvent healed = AuditEvents.await(state, AuditEventType.REMEDIATION_APPLIED, injectedMs, Duration.ofSeconds(5));
                    assertThat(host.readTrimmed(SWAPPINESS)).hasValue(applied);
                    assertThat(healed.before().toString()).contains(behindTheBack);
                    System.out.printf("drift fault (%s): detected after %d ms, healed after %d ms%n", mode.wireName(), finding.epochMs() - injectedMs,
                            healed.epochMs() - injectedMs);
                } else {
                    Thread.sleep(2000);
                    assertThat(host.readTrimmed(SWAPPINESS)).as("dry-run changes nothing").hasValue(behindTheBack);
                    assertThat(AuditEvents.since(state, AuditEventType.REMEDIATION_APPLIED, injectedMs)).isEmpty();
                    System.out.printf("drift fault (%s): detected after %d ms, proposed after %d ms%n", mode.wireName(), finding.epochMs() - injectedMs,
                            proposed.epochMs() - injectedMs);
                }
            }
        } finally {
            new Rollback(host, journal, Clock.systemUTC(), ExecutionListener.NONE).run();
            write(SWAPPINESS, original);
        }
        assertThat(host.readTrimmed(SWAPPINESS)).hasValue(original);
    }

    private static void write(String path, String value) throws IOException {
        Files.writeString(Path.of(path), value + "\n");
    }
}
