package dev.asios.health.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asios.health.signal.Observation;
import dev.asios.health.signal.SignalGroup;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DetectorStateCodecTest {

    private static final SignalGroup GROUP = SignalGroup.of("test", "a", dev.asios.health.anomaly.trace.SyntheticTraces.signals(4));
    private static final DetectorSettings SETTINGS = DetectorSettings.defaults();
    private static final List<Observation> ROUNDS = ForestDetectorTest.quiet(11, 1_600);
    private static ForestDetector original;
    private static byte[] saved;

    @BeforeAll
    static void saveAfterLearning() {
        original = new ForestDetector(GROUP, SETTINGS);
        ROUNDS.subList(0, 1_000).forEach(original::process);
        saved = DetectorStateCodec.encode(original).orElseThrow();
        System.out.printf("saved detector of %d signals, %d trees, %d samples: %d KiB%n", GROUP.dimensions(), SETTINGS.numberOfTrees(),
                SETTINGS.sampleSize(), saved.length / 1024);
    }

    private static String rejection(SignalGroup group, DetectorSettings settings, byte[] bytes) {
        return switch (DetectorStateCodec.decode(group, settings, bytes)) {
            case Restoration.Rejected rejected -> rejected.reason();
            case Restoration.Restored restored -> throw new AssertionError("restored " + restored.detector().status());
        };
    }

    @Test
    void aRestoredDetectorScoresExactlyLikeTheOriginal() {
        ForestDetector restored = ((Restoration.Restored) DetectorStateCodec.decode(GROUP, SETTINGS, saved)).detector();
        assertThat(restored.status()).isEqualTo(original.status());
        ForestDetector twin = new ForestDetector(GROUP, SETTINGS);
        ROUNDS.subList(0, 1_000).forEach(twin::process);
        int anomalous = 0;
        for (int i = 1_000; i < ROUNDS.size(); i++) {
            Observation round = i % 150 == 0 ? ForestDetectorTest.times(ROUNDS.get(i), i % 4, 1.8) : ROUNDS.get(i);
            RoundVerdict expected = twin.process(round);
            RoundVerdict actual = restored.process(round);
            assertThat(actual.score()).as("round %d", i).isEqualTo(expected.score());
            assertThat(actual.grade()).as("round %d", i).isEqualTo(expected.grade());
            assertThat(actual.expectation()).isEqualTo(expected.expectation());
            anomalous += actual.anomalous() ? 1 : 0;
        }
        assertThat(anomalous).as("the continuation has anomalies to compare").isPositive();
    }

    @Test
    void nothingIsSavedWhileCalibrating() {
        ForestDetector young = new ForestDetector(GROUP, SETTINGS);
        ROUNDS.subList(0, ForestDetector.CALIBRATION_ROUNDS - 1).forEach(young::process);
        assertThat(DetectorStateCodec.encode(young)).isEmpty();
        young.process(ROUNDS.get(ForestDetector.CALIBRATION_ROUNDS));
        assertThat(DetectorStateCodec.encode(young)).isPresent();
    }

    @Test
    void damagedBytesAreRejectedWithTheReason() {
        assertThat(rejection(GROUP, SETTINGS, new byte[0])).isEqualTo("not a saved detector: 0 bytes without the ASAD header");
        byte[] version = saved.clone();
        version[7] = 9;
        assertThat(rejection(GROUP, SETTINGS, version)).isEqualTo("saved in format version 9, this build reads version 1");
        byte[] flipped = saved.clone();
        flipped[saved.length / 2] ^= 0x10;
        assertThat(rejection(GROUP, SETTINGS, flipped)).isEqualTo("the saved state is damaged: its checksum does not match");
        byte[] cut = DetectorStateCodec.envelope(Arrays.copyOf("{\"groupId\":\"test/a\"}".getBytes(StandardCharsets.UTF_8), 10));
        assertThat(rejection(GROUP, SETTINGS, cut)).startsWith("the saved state is not a detector document: Unexpected end-of-input");
        byte[] empty = DetectorStateCodec.envelope("null".getBytes(StandardCharsets.UTF_8));
        assertThat(rejection(GROUP, SETTINGS, empty)).isEqualTo("the saved state is an empty document");
        byte[] hollow = DetectorStateCodec.envelope("{}".getBytes(StandardCharsets.UTF_8));
        assertThat(rejection(SignalGroup.of("test", "a", List.of("x")), SETTINGS, hollow)).isEqualTo("saved for group null, not test/a");
    }

    @Test
    void aStateOfOtherSignalsGroupOrShapeIsNotUsed() {
        SignalGroup more = SignalGroup.of("test", "a", dev.asios.health.anomaly.trace.SyntheticTraces.signals(5));
        assertThat(rejection(more, SETTINGS, saved))
                .isEqualTo("saved for signals [signal_0, signal_1, signal_2, signal_3], the group now has [signal_0, signal_1, signal_2, signal_3, signal_4]");
        assertThat(rejection(SignalGroup.of("test", "b", GROUP.signals()), SETTINGS, saved)).isEqualTo("saved for group test/a, not test/b");
        DetectorSettings fewerTrees = new DetectorSettings(4, 30, 256, 320, 5, 1);
        assertThat(rejection(GROUP, fewerTrees, saved))
                .isEqualTo("saved with Shape[shingleSize=4, numberOfTrees=50, sampleSize=256], the settings now ask for Shape[shingleSize=4, numberOfTrees=30, sampleSize=256]");
    }

    @Test
    void theThresholdAndWarmUpFollowTheCurrentSettings() {
        DetectorSettings stricter = new DetectorSettings(4, 50, 256, 2_000, 7, 1);
        ForestDetector restored = ((Restoration.Restored) DetectorStateCodec.decode(GROUP, stricter, saved)).detector();
        assertThat(restored.settings()).isEqualTo(stricter);
        assertThat(restored.status().warmingUp()).isTrue();
    }
}
