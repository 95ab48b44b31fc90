package dev.asios.health.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EpisodeTrackerTest {

    private final RecordingListener listener = new RecordingListener();
    private final EpisodeTracker tracker = new EpisodeTracker("cpu/3", new EpisodeSettings(0.5, 3), listener);

    private static RoundVerdict scored(long second, double grade, double busyScore, double irqScore) {
        List<SignalAttribution> attribution = grade == 0 ? List.of()
                : List.of(new SignalAttribution("busy_ratio", busyScore, 0), new SignalAttribution("irqs_per_second", irqScore, 0));
        Optional<Expectation> expectation = grade == 0 ? Optional.empty()
                : Optional.of(new Expectation(second * 1000, 0, List.of(new Expectation.ExpectedValue("busy_ratio", 0.1, grade))));
        return new RoundVerdict(second * 1000, RoundVerdict.Status.SCORED, grade, 1 + grade, 1, attribution, expectation);
    }

    @Test
    void anAnomalyStartsGoesOnAndEndsAfterQuietRounds() {
        tracker.accept(scored(1, 0.3, 1, 1));
        assertThat(tracker.current()).isEmpty();

        tracker.accept(scored(2, 0.6, 3, 1));
        assertThat(listener.started).singleElement().satisfies(a -> {
            assertThat(a.groupId()).isEqualTo("cpu/3");
            assertThat(a.startEpochMs()).isEqualTo(2000);
            assertThat(a.ongoing()).isTrue();
            assertThat(a.endEpochMs()).isEmpty();
        });
        tracker.accept(scored(3, 0.9, 1, 3));
        tracker.accept(scored(4, 0, 0, 0));
        tracker.accept(scored(5, 0.7, 0, 4));
        tracker.accept(scored(6, 0, 0, 0));
        tracker.accept(scored(7, 0.4, 0, 0));
        assertThat(tracker.current()).get().extracting(Anomaly::anomalousRounds).isEqualTo(3);
        assertThat(listener.ended).isEmpty();
        tracker.accept(scored(8, 0, 0, 0));

        Anomaly ended = listener.ended.getFirst();
        assertThat(ended.lifecycle()).isEqualTo(Anomaly.Lifecycle.ENDED);
        assertThat(ended.startEpochMs()).isEqualTo(2000);
        assertThat(ended.endEpochMs()).hasValue(5000);
        assertThat(ended.peakGrade()).isEqualTo(0.9);
        assertThat(ended.peakEpochMs()).isEqualTo(3000);
        assertThat(ended.expectationAtPeak()).get().extracting(e -> e.of("busy_ratio").orElseThrow().observed()).isEqualTo(0.9);
        assertThat(ended.contributors()).extracting(SignalAttribution::signal).containsExactly("irqs_per_second", "busy_ratio");
        assertThat(ended.contributors().getFirst().share()).isEqualTo(8.0 / 12);
        assertThat(ended.topContributors(1)).hasSize(1);
        assertThat(tracker.current()).isEmpty();
    }

    @Test
    void roundsThatWereNotScoredCountNeitherWay() {
        tracker.accept(scored(1, 0.8, 1, 0));
        for (int i = 2; i < 10; i++) {
            tracker.accept(RoundVerdict.unscored(i * 1000, RoundVerdict.Status.SKIPPED_INCOMPLETE, 0));
        }
        assertThat(tracker.current()).isPresent();
        assertThat(listener.ended).isEmpty();
    }

    @Test
    void closingCutsAnOngoingAnomalyShort() {
        assertThat(tracker.close()).isEmpty();
        tracker.accept(scored(1, 1, 1, 0));
        assertThat(tracker.close()).get().extracting(Anomaly::lifecycle).isEqualTo(Anomaly.Lifecycle.CLOSED);
        assertThat(listener.ended).singleElement().extracting(Anomaly::lifecycle).isEqualTo(Anomaly.Lifecycle.CLOSED);
        assertThat(tracker.current()).isEmpty();
    }

    @Test
    void aThrowingListenerEscapesAfterTheStateIsUpdated() {
        EpisodeTracker throwing = new EpisodeTracker("cpu/3", new EpisodeSettings(0.5, 1), new ThrowingListener());
        assertThatThrownBy(() -> throwing.accept(scored(1, 1, 1, 0))).hasMessage("started");
        assertThat(throwing.current()).isPresent();
        assertThatThrownBy(() -> throwing.accept(scored(2, 0, 0, 0))).hasMessage("ended");
        assertThat(throwing.current()).isEmpty();
    }

    @Test
    void settingsAreCheckedWithTheirNames() {
        assertThatThrownBy(() -> new EpisodeSettings(0, 3)).hasMessage("minimumGrade must be within (0, 1], given 0.0");
        assertThatThrownBy(() -> new EpisodeSettings(0.5, 0)).hasMessage("quietRoundsToEnd must be within 1..1000, given 0");
        assertThatThrownBy(() -> new DetectorSettings(4, 5, 256, 320, 5, 1)).hasMessage("numberOfTrees must be within 10..200, given 5");
        assertThatThrownBy(() -> new DetectorSettings(4, 50, 256, 10, 5, 1)).hasMessage("warmUpRounds must be within 64..100000, given 10");
        assertThatThrownBy(() -> new DetectorSettings(4, 50, 256, 320, 1, 1)).hasMessage("zFactor must be within 2..10, given 1.0");
    }
}
