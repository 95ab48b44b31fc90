package dev.asios.health.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asios.health.policy.Decision.Verdict;
import java.time.Instant;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class HealGateTest {

    private static final long T0 = Instant.parse("2025-03-01T10:00:00Z").toEpochMilli();
    private static final Proposal DRIFT = new Proposal(RemediationKind.REAPPLY_DRIFT, "sysctl vm.swappiness", "60, the profile says 10");

    @Test
    void offSkipsEverything() {
        HealGate gate = new HealGate(HealPolicy.builtIn().withMode(HealMode.OFF));
        Decision decision = gate.decide(DRIFT, T0);
        assertThat(decision.verdict()).isEqualTo(Verdict.SKIP);
        assertThat(decision.mode()).isEqualTo(HealMode.OFF);
        assertThat(decision.retryAtEpochMs()).isEmpty();
        assertThat(decision.explanation()).isEqualTo("healing is off; reapply-drift on sysctl vm.swappiness skipped");
    }

    @Test
    void aDisabledKindIsSkippedAndCountsNothing() {
        HealGate gate = new HealGate(HealPolicy.builtIn().withMode(HealMode.ENFORCE));
        Proposal io = new Proposal(RemediationKind.ADAPTIVE_IO_SCHEDULER, "disk/nvme0n1", "random reads at queue depth 1");
        for (int i = 0; i < 5; i++) {
            assertThat(gate.decide(io, T0 + i).explanation()).isEqualTo(
                    "adaptive-io-scheduler is disabled in the heal policy (built-in); adaptive-io-scheduler on disk/nvme0n1 skipped");
        }
    }

    @Test
    void enforceCarriesOutUntilTheLimitThenSaysUntilWhen() {
        HealGate gate = new HealGate(HealPolicy.parse("mode: enforce\nremediations:\n  reapply-drift: { cooldown: 0s }\n", "heal.yaml"));
        for (int i = 0; i < 3; i++) {
            Decision decision = gate.decide(DRIFT, T0 + i * 1000L);
            assertThat(decision.carryOut()).isTrue();
            assertThat(decision.explanation()).isEqualTo("enforce: carry out reapply-drift on sysctl vm.swappiness");
        }
        Decision refused = gate.decide(DRIFT, T0 + 4000);
        assertThat(refused.verdict()).isEqualTo(Verdict.RATE_LIMITED);
        assertThat(refused.refused()).isTrue();
        assertThat(refused.retryAtEpochMs()).isEqualTo(OptionalLong.of(T0 + 600_000));
        assertThat(refused.repeated()).isFalse();
        assertThat(refused.explanation()).isEqualTo("reapply-drift on sysctl vm.swappiness refused: rate limited to 3 per 10m per subject;"
                + " next allowed at 2025-03-01T10:10:00Z (in 9m56s)");
        assertThat(gate.decide(DRIFT, T0 + 5000).repeated()).isTrue();
    }

    @Test
    void dryRunReportsAndCountsAsEnforceWould() {
        HealGate gate = new HealGate(HealPolicy.builtIn());
        Decision first = gate.decide(DRIFT, T0);
        assertThat(first.verdict()).isEqualTo(Verdict.REPORT_ONLY);
        assertThat(first.carryOut()).isFalse();
        assertThat(first.explanation()).isEqualTo("dry-run: would carry out reapply-drift on sysctl vm.swappiness; nothing changed");
        Decision second = gate.decide(DRIFT, T0 + 1000);
        assertThat(second.verdict()).isEqualTo(Verdict.IN_COOLDOWN);
        assertThat(second.explanation()).isEqualTo("reapply-drift on sysctl vm.swappiness refused: in cooldown, 30s after the last action on"
                + " sysctl vm.swappiness; next allowed at 2025-03-01T10:00:30Z (in 29s)");
    }

    @Test
    void theOverallLimitIsNamedAsSuch() {
        HealGate gate = new HealGate(HealPolicy.parse("remediations:\n  mark-gpu-unhealthy: { overall: { max: 1 } }\n", "heal.yaml"));
        gate.decide(new Proposal(RemediationKind.MARK_GPU_UNHEALTHY, "gpu/0", "XID 79"), T0);
        assertThat(gate.decide(new Proposal(RemediationKind.MARK_GPU_UNHEALTHY, "gpu/1", "XID 79"), T0).explanation())
                .contains("refused: mark-gpu-unhealthy is rate limited to 1 per 1h overall; next allowed at 2025-03-01T11:00:00Z (in 1h)");
    }

    @Test
    void aReloadedPolicyKeepsThePastActions() {
        HealGate gate = new HealGate(HealPolicy.builtIn().withMode(HealMode.ENFORCE));
        gate.decide(DRIFT, T0);
        HealGate reloaded = gate.withPolicy(HealPolicy.builtIn().withMode(HealMode.DRY_RUN));
        assertThat(reloaded.policy().mode()).isEqualTo(HealMode.DRY_RUN);
        assertThat(reloaded.decide(DRIFT, T0 + 1000).verdict()).isEqualTo(Verdict.IN_COOLDOWN);
    }

    @Test
    void aProposalNeedsASubjectAndAReason() {
        assertThatThrownBy(() -> new Proposal(RemediationKind.REAPPLY_DRIFT, " ", "x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs a subject and a reason");
    }
}
