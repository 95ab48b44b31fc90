package dev.asios.health.anomaly.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asios.health.anomaly.Anomaly;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class EpisodeScoringTest {

    private static final long GRACE_MS = 10_000;

    private static Anomaly anomaly(long startS, long lastS) {
        return new Anomaly("trace/replay", startS * 1000, lastS * 1000, Anomaly.Lifecycle.ENDED, 1, 1, 2, startS * 1000, List.of(), Optional.empty());
    }

    private static LabelledWindow window(String label, long startS, long endS) {
        return new LabelledWindow(label, startS * 1000, endS * 1000);
    }

    @Test
    void scoresEpisodesAgainstWindowsWithAGrace() {
        List<LabelledWindow> windows = List.of(window("spike", 100, 100), window("shift", 200, 300), window("shift", 400, 420),
                window("hog", 500, 510));
        List<Anomaly> anomalies = List.of(
                anomaly(103, 104),   // after the spike, within the grace: true
                anomaly(195, 250),   // started before the shift, overlaps it: true, detected at once
                anomaly(305, 306),   // the shift's end, within the grace: true
                anomaly(431, 432),   // after the second shift's grace: false alarm
                anomaly(700, 700));  // false alarm
        EvaluationReport report = EpisodeScoring.score(windows, anomalies, GRACE_MS, 0, 3_600_000);

        assertThat(report.truePositives()).isEqualTo(3);
        assertThat(report.falseAlarms()).isEqualTo(2);
        assertThat(report.precision()).isEqualTo(0.6);
        assertThat(report.recall()).isEqualTo(0.5);
        assertThat(report.falseAlarmsPerHour()).isEqualTo(2);
        assertThat(report.outcomes()).extracting(WindowOutcome::timeToDetectMs)
                .containsExactly(OptionalLong.of(3000), OptionalLong.of(0), OptionalLong.empty(), OptionalLong.empty());
        assertThat(report.meanTimeToDetectMs()).hasValue(1500);
        assertThat(report.recallByLabel()).containsExactly(java.util.Map.entry("hog", 0.0), java.util.Map.entry("shift", 0.5),
                java.util.Map.entry("spike", 1.0));
        assertThat(report.format()).contains("precision: 0.600", "recall: 0.500 (2 of 4 windows)", "recall shift: 0.500",
                "false alarms per hour: 2.00 (over 1.00 normal hours)", "mean time to detect: 1.5 s");
    }

    @Test
    void windowsDuringWarmUpAreNotScored() {
        EvaluationReport report = EpisodeScoring.score(List.of(window("x", 10, 20), window("y", 400, 410)), List.of(), GRACE_MS, 300_000, 0);
        assertThat(report.windowsInWarmUp()).isEqualTo(1);
        assertThat(report.outcomes()).hasSize(1);
        assertThat(report.recall()).isZero();
        assertThat(report.precision()).isNaN();
        assertThat(report.falseAlarmsPerHour()).isNaN();
        assertThat(report.format()).contains("precision: n/a", "false alarms per hour: n/a", "mean time to detect: n/a",
                "windows scored: 1 (1 more started during warm-up, not scored)");
    }

    @Test
    void aNegativeGraceIsRefused() {
        assertThatThrownBy(() -> EpisodeScoring.score(List.of(), List.of(), -1, 0, 0)).hasMessage("graceMs -1 and normalMs 0 must not be negative");
        assertThatThrownBy(() -> new TraceEvaluator(TraceEvaluator.defaults().detector(), TraceEvaluator.defaults().episodes(), -5))
                .hasMessage("graceMs must not be negative, given -5");
    }
}
