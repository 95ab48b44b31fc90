package dev.asios.health.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asios.health.policy.RemediationParameters.HugepagePools;
import dev.asios.health.policy.RemediationParameters.IoSchedulerTrial;
import dev.asios.health.policy.RemediationParameters.None;
import dev.asios.health.policy.RemediationParameters.ProbeBackoff;
import dev.asios.health.policy.RemediationParameters.Restart;
import dev.asios.health.policy.RemediationParameters.Throttle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HealPolicyTest {

    @TempDir
    Path dir;

    @Test
    void theBuiltInPolicyIsDryRunWithEveryKindAndItsOwnSettings() {
        HealPolicy policy = HealPolicy.builtIn();
        assertThat(policy.mode()).isEqualTo(HealMode.DRY_RUN);
        assertThat(policy.source()).isEqualTo(HealPolicy.BUILT_IN);
        assertThat(policy.rules()).containsOnlyKeys(RemediationKind.values());
        assertThat(policy.rule(RemediationKind.REAPPLY_DRIFT)).isEqualTo(new RemediationRule(RemediationKind.REAPPLY_DRIFT, true,
                new RateLimit(3, Duration.ofMinutes(10)), new RateLimit(20, Duration.ofMinutes(10)), Duration.ofSeconds(30), new None()));
        assertThat(policy.rule(RemediationKind.RESTART_CRASHED_RUN).parameters()).isInstanceOfSatisfying(Restart.class, restart -> {
            assertThat(restart.maxAttempts()).isEqualTo(5);
            assertThat(restart.backoff().first()).isEqualTo(Duration.ofSeconds(10));
            assertThat(restart.backoff().ceiling()).isEqualTo(Duration.ofMinutes(5));
            assertThat(restart.backoff().healthyAfter()).isEqualTo(Duration.ofMinutes(10));
        });
        assertThat(policy.rule(RemediationKind.BACK_OFF_FAILING_PROBE).parameters()).isInstanceOf(ProbeBackoff.class);
        assertThat(policy.rule(RemediationKind.THROTTLE_NOISY_NEIGHBOUR).parameters()).isEqualTo(new Throttle(10, 200, 10, List.of()));
        assertThat(policy.rule(RemediationKind.ADAPTIVE_IO_SCHEDULER).parameters()).isEqualTo(new IoSchedulerTrial(10, Duration.ofMinutes(2)));
        assertThat(policy.rule(RemediationKind.HUGEPAGE_POOLS).parameters()).isEqualTo(new HugepagePools(10, Duration.ofMinutes(30)));
    }

    @Test
    void theExperimentsAreOffUntilTurnedOn() {
        HealPolicy policy = HealPolicy.builtIn();
        assertThat(policy.rule(RemediationKind.ADAPTIVE_IO_SCHEDULER).enabled()).isFalse();
        assertThat(policy.rule(RemediationKind.HUGEPAGE_POOLS).enabled()).isFalse();
        assertThat(policy.rule(RemediationKind.MOVE_TASK_OFF_ISOLATED_CPU).enabled()).isTrue();
    }

    @Test
    void theBuiltInTextDocumentsEveryRemediationAndEveryKey() {
        String text = HealPolicy.builtInText();
        for (RemediationKind kind : RemediationKind.values()) {
            assertThat(text).contains("\n  " + kind.wireName() + ":\n");
            for (String key : ParametersReader.keys(kind)) {
                assertThat(text).as(key).containsPattern("#[^\\n]*\\n(\\s+#[^\\n]*\\n)*\\s+" + key + ": ");
            }
        }
    }

    @Test
    void aFileChangesOnlyWhatItSets() {
        HealPolicy policy = HealPolicy.parse("""
                mode: enforce
                remediations:
                  restart-crashed-run:
                    per-subject: { max: 2 }
                    backoff-max: 10m
                  hugepage-pools:
                    enabled: true
                """, "heal.yaml");
        HealPolicy builtIn = HealPolicy.builtIn();
        assertThat(policy.mode()).isEqualTo(HealMode.ENFORCE);
        assertThat(policy.source()).isEqualTo("heal.yaml");
        RemediationRule restart = policy.rule(RemediationKind.RESTART_CRASHED_RUN);
        assertThat(restart.perSubject()).isEqualTo(new RateLimit(2, Duration.ofHours(1)));
        assertThat(restart.overall()).isEqualTo(builtIn.rule(RemediationKind.RESTART_CRASHED_RUN).overall());
        assertThat(((Restart) restart.parameters()).backoff().ceiling()).isEqualTo(Duration.ofMinutes(10));
        assertThat(((Restart) restart.parameters()).maxAttempts()).isEqualTo(5);
        assertThat(policy.rule(RemediationKind.HUGEPAGE_POOLS).enabled()).isTrue();
        assertThat(policy.rule(RemediationKind.HUGEPAGE_POOLS).cooldown()).isEqualTo(Duration.ofMinutes(5));
        assertThat(policy.rule(RemediationKind.REAPPLY_DRIFT)).isEqualTo(builtIn.rule(RemediationKind.REAPPLY_DRIFT));
    }

    @Test
    void yamlSpellingsOfNumbersAndBooleansAreTaken() {
        HealPolicy policy = HealPolicy.parse("""
                remediations:
                  throttle-noisy-neighbour:
                    enabled: false
                    cpu-max-percent: 1_000
                  adaptive-io-scheduler:
                    min-improvement-percent: 2.5
                """, "heal.yaml");
        assertThat(policy.mode()).isEqualTo(HealMode.DRY_RUN);
        assertThat(policy.rule(RemediationKind.THROTTLE_NOISY_NEIGHBOUR).enabled()).isFalse();
        assertThat(((Throttle) policy.rule(RemediationKind.THROTTLE_NOISY_NEIGHBOUR).parameters()).cpuMaxPercent()).isEqualTo(1000);
        assertThat(((IoSchedulerTrial) policy.rule(RemediationKind.ADAPTIVE_IO_SCHEDULER).parameters()).minImprovementPercent()).isEqualTo(2.5);
    }

    @Test
    void theProtectedCgroupsAreAListOfGlobs() {
        HealPolicy policy = HealPolicy.parse("""
                remediations:
                  throttle-noisy-neighbour:
                    protect: [/system.slice/sshd.service, "/batch/**"]
                """, "heal.yaml");
        assertThat(policy.rule(RemediationKind.THROTTLE_NOISY_NEIGHBOUR).parameters())
                .isEqualTo(new Throttle(10, 200, 10, List.of("/system.slice/sshd.service", "/batch/**")));
    }

    @Test
    void theCommandLineModeOverridesTheFiles() {
        HealPolicy file = HealPolicy.parse("mode: enforce\n", "heal.yaml");
        HealPolicy overridden = file.withMode(HealMode.parseOption("off"));
        assertThat(overridden.mode()).isEqualTo(HealMode.OFF);
        assertThat(overridden.rules()).isEqualTo(file.rules());
        assertThatThrownBy(() -> HealMode.parseOption("enforced")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--heal 'enforced': expected one of off, dry-run, enforce");
    }

    @Test
    void aPolicyFileIsLoadedOverTheBuiltInOne() throws IOException {
        Path file = Files.writeString(dir.resolve("heal.yaml"), "mode: off\n");
        HealPolicy policy = HealPolicy.load(file);
        assertThat(policy.mode()).isEqualTo(HealMode.OFF);
        assertThat(policy.source()).isEqualTo(file.toString());
    }

    @Test
    void aFileThatCannotBeReadIsNamedWithWhatToDo() throws IOException {
        Path missing = dir.resolve("nope.yaml");
        assertThatThrownBy(() -> HealPolicy.load(missing)).isInstanceOf(PolicyException.class)
                .hasMessage(missing + ": the file does not exist. Check the path, or leave the policy file out to use the built-in policy");
        Path binary = Files.write(dir.resolve("binary.yaml"), new byte[] {'m', ':', ' ', (byte) 0xC3, (byte) 0x28, '\n'});
        assertThatThrownBy(() -> HealPolicy.load(binary)).hasMessage(binary + ": the file is not UTF-8 text. Save it as UTF-8");
        Path large = Files.write(dir.resolve("large.yaml"), new byte[(int) HealPolicy.MAX_FILE_BYTES + 1]);
        assertThatThrownBy(() -> HealPolicy.load(large)).hasMessageStartingWith(large + ": the file is larger than 1 MiB");
    }

    @Test
    void theSummaryHasOneLinePerKind() {
        assertThat(HealPolicy.builtIn().summary()).hasSize(2 + RemediationKind.values().length)
                .containsEntry("mode", "dry-run")
                .containsEntry("source", "built-in")
                .containsEntry("reapply-drift", "enabled; 3 per 10m per subject, 20 per 10m overall; cooldown 30s")
                .containsEntry("hugepage-pools", "disabled; 6 per 1h per subject, 12 per 1h overall; cooldown 5m");
    }

    @Test
    void aPolicyNeedsEveryKind() {
        assertThatThrownBy(() -> new HealPolicy(HealMode.OFF, java.util.Map.of(), "x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs a rule for reapply-drift");
    }
}
