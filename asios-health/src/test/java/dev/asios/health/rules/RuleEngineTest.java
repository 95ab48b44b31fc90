package dev.asios.health.rules;

import dev.asios.health.policy.RemediationKind;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asios.health.signal.SignalRound;
import dev.asios.host.findings.Severity;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Hysteresis, failures and schedules of the engine, on a rule whose symptoms the test sets. */
class RuleEngineTest {

    /** A rule that reports what the test put in {@code next}, or throws {@code failure}. */
    private static final class Scripted implements KnownCauseRule {
        private final String id;
        private final Hysteresis hysteresis;
        private final List<Symptom> next = new ArrayList<>();
        private IOException failure;
        private boolean due = true;

        Scripted(String id, Hysteresis hysteresis) {
            this.id = id;
            this.hysteresis = hysteresis;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public Hysteresis hysteresis() {
            return hysteresis;
        }

        @Override
        public boolean due(long epochMs) {
            return due;
        }

        @Override
        public List<Symptom> check(SignalRound round) throws IOException {
            if (failure != null) {
                throw failure;
            }
            return List.copyOf(next);
        }

        void bad(String subject, String instance, String evidence) {
            next.add(new Symptom(subject, instance, Severity.WARNING, evidence, Optional.of(RemediationKind.REAPPLY_DRIFT), Map.of("n", evidence)));
        }
    }

    private final Scripted rule = new Scripted("scripted", new Hysteresis(3, 2));
    private final RuleEngine engine = new RuleEngine(List.of(rule));

    @Test
    void aSymptomBecomesAFindingAfterEnoughBadChecksStartedAtTheFirstAndClearsAfterEnoughGoodOnes() {
        rule.bad("cpu/3", "", "one");
        assertThat(engine.evaluate(Rounds.empty(1_000)).active()).isEmpty();
        assertThat(engine.evaluate(Rounds.empty(2_000)).active()).isEmpty();
        RuleReport fired = engine.evaluate(Rounds.empty(3_000));
        assertThat(fired.started()).singleElement().satisfies(f -> {
            assertThat(f.id()).isEqualTo("scripted:cpu/3");
            assertThat(f.startedAtMs()).isEqualTo(1_000);
            assertThat(f.active()).isTrue();
            assertThat(f.remediation()).contains(RemediationKind.REAPPLY_DRIFT);
        });
        assertThat(fired.active()).hasSize(1);

        rule.next.clear();
        rule.bad("cpu/3", "", "two");
        RuleReport later = engine.evaluate(Rounds.empty(4_000));
        assertThat(later.started()).isEmpty();
        assertThat(later.active()).singleElement().satisfies(f -> {
            assertThat(f.evidence()).isEqualTo("two");
            assertThat(f.startedAtMs()).isEqualTo(1_000);
        });

        rule.next.clear();
        assertThat(engine.evaluate(Rounds.empty(5_000)).active()).as("one good check of two").hasSize(1);
        rule.bad("cpu/3", "", "three");
        assertThat(engine.evaluate(Rounds.empty(6_000)).active()).as("a bad check resets the good ones").hasSize(1);
        rule.next.clear();
        engine.evaluate(Rounds.empty(7_000));
        RuleReport cleared = engine.evaluate(Rounds.empty(8_000));
        assertThat(cleared.active()).isEmpty();
        assertThat(cleared.cleared()).singleElement().satisfies(f -> {
            assertThat(f.endedAtMs()).hasValue(8_000);
            assertThat(f.evidence()).isEqualTo("three");
            assertThat(f.startedAtMs()).isEqualTo(1_000);
        });
    }

    @Test
    void aBadStreakBrokenBeforeItFiresStartsAgain() {
        rule.bad("gpu/0", "", "x");
        engine.evaluate(Rounds.empty(1_000));
        engine.evaluate(Rounds.empty(2_000));
        rule.next.clear();
        engine.evaluate(Rounds.empty(3_000));
        rule.bad("gpu/0", "", "x");
        engine.evaluate(Rounds.empty(4_000));
        engine.evaluate(Rounds.empty(5_000));
        assertThat(engine.evaluate(Rounds.empty(6_000)).started()).singleElement().extracting(RuleFinding::startedAtMs).isEqualTo(4_000L);
    }

    @Test
    void instancesOfOneSubjectAreSeparateFindings() {
        Scripted immediate = new Scripted("irq", new Hysteresis(1, 1));
        RuleEngine irqs = new RuleEngine(List.of(immediate));
        immediate.bad("cpu/1", "irq/24", "a");
        immediate.bad("cpu/1", "irq/25", "b");
        immediate.bad("cpu/1", "irq/25", "repeated key, ignored");
        assertThat(irqs.evaluate(Rounds.empty(1_000)).active()).extracting(RuleFinding::id).containsExactly("irq:cpu/1:irq/24", "irq:cpu/1:irq/25");
    }

    @Test
    void aRuleThatIsNotDueOrFailsKeepsItsFindingsAndTheFailureIsReported() {
        Scripted immediate = new Scripted("immediate", new Hysteresis(1, 1));
        RuleEngine two = new RuleEngine(List.of(immediate, rule));
        immediate.bad("host", "", "drift");
        assertThat(two.evaluate(Rounds.empty(1_000)).active()).hasSize(1);

        immediate.next.clear();
        immediate.due = false;
        assertThat(two.evaluate(Rounds.empty(2_000)).active()).as("not due: nothing checked").hasSize(1);

        immediate.due = true;
        immediate.failure = new IOException("/proc/interrupts is missing or unreadable");
        RuleReport failed = two.evaluate(Rounds.empty(3_000));
        assertThat(failed.active()).hasSize(1);
        assertThat(failed.failures()).containsExactly(new RuleReport.RuleFailure("immediate", "/proc/interrupts is missing or unreadable"));

        immediate.failure = null;
        assertThat(two.evaluate(Rounds.empty(4_000)).cleared()).hasSize(1);
    }

    @Test
    void twoRulesWithOneIdAndBadSettingsAreRefusedWithTheSettingNamed() {
        assertThatThrownBy(() -> new RuleEngine(List.of(rule, new Scripted("scripted", new Hysteresis(1, 1)))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("scripted");
        assertThatThrownBy(() -> new Hysteresis(0, 1)).hasMessage("hysteresis fireAfter must be within 1..3600 checks, given 0");
        assertThatThrownBy(() -> new Symptom(" ", "", Severity.INFO, "e", Optional.empty(), Map.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
