package dev.asios.health.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.asios.health.anomaly.trace.SyntheticTraces;
import dev.asios.health.signal.Observation;
import dev.asios.health.signal.SignalGroup;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ForestDetectorTest {

    private static final SignalGroup GROUP = SignalGroup.of("test", "a", SyntheticTraces.signals(4));
    private static final DetectorSettings SETTINGS = DetectorSettings.defaults();

    /** {@code rounds} rounds of the quiet generated signals (scales from 0.004 to 2e6). */
    static List<Observation> quiet(long seed, int rounds) {
        return SyntheticTraces.quiet(seed, GROUP.dimensions(), rounds).observations();
    }

    /** The observation with signal {@code index} multiplied by {@code factor}. */
    static Observation times(Observation observation, int index, double factor) {
        double[] values = observation.values();
        values[index] *= factor;
        return new Observation(observation.epochMs(), values);
    }

    @Test
    void gradesNothingDuringWarmUpAndSaysSo() {
        ForestDetector detector = new ForestDetector(GROUP, SETTINGS);
        List<Observation> rounds = quiet(1, SETTINGS.warmUpRounds() + 1);
        for (int i = 0; i < SETTINGS.warmUpRounds(); i++) {
            RoundVerdict verdict = detector.process(i == 200 ? times(rounds.get(i), 1, 10) : rounds.get(i));
            assertThat(verdict.status()).isEqualTo(RoundVerdict.Status.WARMING_UP);
            assertThat(verdict.grade()).isZero();
        }
        assertThat(detector.status().warmingUp()).isFalse();
        assertThat(detector.process(rounds.getLast()).status()).isEqualTo(RoundVerdict.Status.SCORED);

        ForestDetector young = new ForestDetector(GROUP, SETTINGS);
        rounds.subList(0, 120).forEach(young::process);
        assertThat(young.status().warmingUp()).isTrue();
        assertThat(young.status().describe()).isEqualTo("test/a warming up: 120 of 320 rounds, 0 incomplete skipped");
    }

    @Test
    void skipsAndCountsIncompleteRoundsWithoutFeedingThem() {
        ForestDetector detector = new ForestDetector(GROUP, SETTINGS);
        quiet(2, 400).forEach(detector::process);
        Observation complete = quiet(2, 401).getLast();
        double[] values = complete.values();
        values[2] = Double.NaN;
        RoundVerdict skipped = detector.process(new Observation(complete.epochMs(), values));
        values[2] = Double.POSITIVE_INFINITY;
        detector.process(new Observation(complete.epochMs() + 1, values));

        assertThat(skipped.status()).isEqualTo(RoundVerdict.Status.SKIPPED_INCOMPLETE);
        assertThat(skipped.grade()).isZero();
        assertThat(detector.status().roundsFed()).isEqualTo(400);
        assertThat(detector.status().roundsSkipped()).isEqualTo(2);
        assertThat(detector.status().describe()).endsWith("2 incomplete skipped");
    }

    @Test
    void rejectsAnObservationOfTheWrongLength() {
        ForestDetector detector = new ForestDetector(GROUP, SETTINGS);
        assertThatThrownBy(() -> detector.process(new Observation(1, new double[] {1, 2})))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2 values for group test/a of 4 signals");
    }

    /** The signal of the smallest scale (seconds, around 0.004) matters as much as bytes per second. */
    @Test
    void findsASpikeOfTheSmallestSignalAndBlamesIt() {
        ForestDetector detector = new ForestDetector(GROUP, SETTINGS);
        List<Observation> rounds = quiet(3, 1_000);
        rounds.subList(0, 900).forEach(detector::process);
        Observation spike = times(rounds.get(900), 2, 1.6);
        List<RoundVerdict> after = new ArrayList<>();
        after.add(detector.process(spike));
        rounds.subList(901, 910).forEach(r -> after.add(detector.process(r)));

        RoundVerdict flagged = after.stream().filter(RoundVerdict::anomalous).findFirst().orElseThrow();
        assertThat(flagged.epochMs()).isEqualTo(spike.epochMs());
        assertThat(flagged.grade()).isGreaterThan(0.5);
        assertThat(flagged.attribution().getFirst().signal()).isEqualTo("signal_2");
        assertThat(flagged.attribution().getFirst().share()).isGreaterThan(0.5);
        assertThat(flagged.attribution().stream().mapToDouble(SignalAttribution::share).sum()).isCloseTo(1, within(1e-9));
        Expectation expectation = flagged.expectation().orElseThrow();
        assertThat(expectation.roundsAgo()).isZero();
        assertThat(expectation.epochMs()).isEqualTo(spike.epochMs());
        Expectation.ExpectedValue blamed = expectation.of("signal_2").orElseThrow();
        assertThat(blamed.observed()).isCloseTo(spike.value(2), within(1e-9));
        assertThat(blamed.expected()).isCloseTo(rounds.get(900).value(2), within(rounds.get(900).value(2) * 0.25));
    }

    @Test
    void aConstantSignalNeitherBreaksNorDrownsTheOthers() {
        SignalGroup group = SignalGroup.of("test", "b", List.of("busy_ratio", "errors_per_second"));
        ForestDetector detector = new ForestDetector(group, SETTINGS);
        List<Observation> wave = quiet(4, 700);
        for (int i = 0; i < 600; i++) {
            RoundVerdict verdict = detector.process(new Observation(wave.get(i).epochMs(), new double[] {wave.get(i).value(0), 0}));
            assertThat(verdict.score()).isFinite();
        }
        RoundVerdict errors = detector.process(new Observation(wave.get(600).epochMs(), new double[] {wave.get(600).value(0), 3}));
        assertThat(errors.anomalous()).isTrue();
        assertThat(errors.attribution().getFirst().signal()).isEqualTo("errors_per_second");
    }

    @Test
    void theSameSeedScoresTheSame() {
        ForestDetector first = new ForestDetector(GROUP, SETTINGS);
        ForestDetector second = new ForestDetector(GROUP, SETTINGS);
        for (Observation round : quiet(5, 600)) {
            RoundVerdict a = first.process(round);
            RoundVerdict b = second.process(round);
            assertThat(b.score()).isEqualTo(a.score());
            assertThat(b.grade()).isEqualTo(a.grade());
        }
    }
}
