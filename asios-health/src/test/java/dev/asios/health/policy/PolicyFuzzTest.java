package dev.asios.health.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import java.time.Duration;

/**
 * Fuzzes the policy parser: any text is a policy with a rule for every kind, or a
 * {@link PolicyException} that names the file and says what to do; nothing else escapes. The seeds
 * are under {@code PolicyFuzzTestInputs/<method>/}.
 */
class PolicyFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void policyText(@NotNull String text) {
        try {
            HealPolicy policy = HealPolicy.parse(text, "fuzz.yaml");
            assertThat(policy.rules()).containsOnlyKeys(RemediationKind.values());
            assertThat(policy.summary()).hasSize(2 + RemediationKind.values().length);
        } catch (PolicyException refused) {
            assertThat(refused.getMessage()).startsWith("fuzz.yaml");
            assertThat(refused.problem()).isNotBlank();
            assertThat(refused.fix()).isNotBlank();
            assertThat(refused.line()).isNotNegative();
        }
    }

    @FuzzTest(maxDuration = "10s")
    void durationText(@NotNull String text) {
        DurationText.parse(text).ifPresent(duration -> {
            assertThat(duration).isGreaterThanOrEqualTo(Duration.ZERO);
            assertThat(DurationText.parse(DurationText.format(duration))).contains(duration);
        });
    }
}
