package dev.asios.health.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asios.health.anomaly.trace.SyntheticTraces;
import dev.asios.health.signal.Observation;
import dev.asios.health.signal.SignalGroup;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class AnomalyWatchTest {

    private static final WatchSettings SETTINGS = new WatchSettings(DetectorSettings.defaults(), EpisodeSettings.defaults(),
            Duration.ofMinutes(1), Duration.ofSeconds(30), 50);
    private static final SignalGroup CPU0 = SignalGroup.of("cpu", "0", SyntheticTraces.signals(4));
    private static final SignalGroup CPU1 = SignalGroup.of("cpu", "1", SyntheticTraces.signals(4));
    private static final List<Observation> ROUNDS = ForestDetectorTest.quiet(21, 1_000);
    private static final int SPIKE_ROUND = 450;

    private final InMemoryDetectorStateRepository repository = new InMemoryDetectorStateRepository();
    private final RecordingListener listener = new RecordingListener();

    /** Round {@code index} of the generated signals, with a spike (signal 1 three times higher) at {@link #SPIKE_ROUND}. */
    private static Observation round(int index) {
        return index == SPIKE_ROUND ? ForestDetectorTest.times(ROUNDS.get(index), 1, 3) : ROUNDS.get(index);
    }

    private static void feed(AnomalyWatch watch, SignalGroup group, int fromRound, int toRound) {
        for (int i = fromRound; i < toRound; i++) {
            watch.observe(group, round(i));
        }
    }

    @Test
    void startsDetectorsLazilyAndTellsAnomaliesFromStartToEnd() {
        try (AnomalyWatch watch = new AnomalyWatch(SETTINGS, repository, listener)) {
            assertThat(watch.detectors()).isEmpty();
            feed(watch, CPU0, 0, SPIKE_ROUND + 1);
            assertThat(listener.events).singleElement().satisfies(e -> {
                assertThat(e.kind()).isEqualTo(DetectorEvent.Kind.STARTED_FRESH);
                assertThat(e.reason()).isEqualTo("no saved state");
                assertThat(e.epochMs()).isEqualTo(ROUNDS.getFirst().epochMs());
            });
            assertThat(listener.started).singleElement().extracting(Anomaly::groupId).isEqualTo("cpu/0");
            assertThat(watch.ongoing()).singleElement().extracting(Anomaly::startEpochMs).isEqualTo(round(SPIKE_ROUND).epochMs());
            assertThat(watch.ongoing("cpu/0")).isPresent();
            assertThat(watch.ongoing("cpu/1")).isEmpty();

            feed(watch, CPU0, SPIKE_ROUND + 1, SPIKE_ROUND + 30);
            assertThat(watch.ongoing()).isEmpty();
            Anomaly ended = watch.recent().getFirst();
            assertThat(ended.lifecycle()).isEqualTo(Anomaly.Lifecycle.ENDED);
            assertThat(ended.contributors().getFirst().signal()).isEqualTo("signal_1");
            assertThat(listener.ended).containsExactly(ended);
            assertThat(watch.detectors()).singleElement().satisfies(s -> {
                assertThat(s.groupId()).isEqualTo("cpu/0");
                assertThat(s.roundsFed()).isEqualTo(SPIKE_ROUND + 30);
            });
        }
    }

    @Test
    void aGroupWhoseSignalsChangedGetsAFreshDetector() {
        try (AnomalyWatch watch = new AnomalyWatch(SETTINGS, repository, listener)) {
            feed(watch, CPU0, 0, SPIKE_ROUND + 1);
            SignalGroup wider = SignalGroup.of("cpu", "0", SyntheticTraces.signals(5));
            watch.observe(wider, new Observation(round(SPIKE_ROUND + 1).epochMs(), new double[] {1, 2, 3, 4, 5}));

            assertThat(listener.events.getLast()).satisfies(e -> {
                assertThat(e.kind()).isEqualTo(DetectorEvent.Kind.REPLACED);
                assertThat(e.reason()).isEqualTo("signals changed from [signal_0, signal_1, signal_2, signal_3]"
                        + " to [signal_0, signal_1, signal_2, signal_3, signal_4]");
            });
            assertThat(listener.ended).singleElement().extracting(Anomaly::lifecycle).isEqualTo(Anomaly.Lifecycle.CLOSED);
            assertThat(watch.ongoing()).isEmpty();
            assertThat(watch.detectors()).singleElement().extracting(DetectorStatus::roundsFed).isEqualTo(1L);
        }
    }

    @Test
    void anIdleGroupIsSavedDroppedAndRestoredWhenItReturns() {
        try (AnomalyWatch watch = new AnomalyWatch(SETTINGS, repository, listener)) {
            feed(watch, CPU0, 0, 400);
            feed(watch, CPU1, 0, 440);
            assertThat(listener.kinds()).containsExactly(DetectorEvent.Kind.STARTED_FRESH, DetectorEvent.Kind.STARTED_FRESH,
                    DetectorEvent.Kind.DROPPED);
            assertThat(listener.events.getLast().groupId()).isEqualTo("cpu/0");
            assertThat(listener.events.getLast().reason()).matches("not seen for 3\\d s, longer than 30 s");
            assertThat(watch.detectors()).extracting(DetectorStatus::groupId).containsExactly("cpu/1");
            assertThat(repository.has("cpu/0")).isTrue();

            RoundVerdict back = watch.observe(CPU0, round(440));
            assertThat(listener.events.getLast().kind()).isEqualTo(DetectorEvent.Kind.RESTORED);
            assertThat(listener.events.getLast().reason()).isEqualTo("restored: cpu/0 ready: 400 rounds, 0 incomplete skipped");
            assertThat(back.status()).isEqualTo(RoundVerdict.Status.SCORED);
        }
    }

    @Test
    void savesEachDetectorEveryIntervalAtTimesOfItsOwn() {
        List<String> saved = new ArrayList<>();
        Map<String, Integer> firstSaveRound = new HashMap<>();
        int[] currentRound = new int[1];
        DetectorStateRepository recording = new DetectorStateRepository() {
            @Override
            public Optional<byte[]> load(String groupId) {
                return Optional.empty();
            }

            @Override
            public void save(String groupId, byte[] state) {
                saved.add(groupId);
                firstSaveRound.putIfAbsent(groupId, currentRound[0]);
            }
        };
        try (AnomalyWatch watch = new AnomalyWatch(SETTINGS, recording, listener)) {
            for (int i = 0; i < 400; i++) {
                currentRound[0] = i;
                watch.observe(CPU0, round(i));
                watch.observe(CPU1, round(i));
            }
            long cpu0 = saved.stream().filter("cpu/0"::equals).count();
            assertThat(cpu0).isBetween(5L, 7L);
            assertThat(saved.stream().filter("cpu/1"::equals).count()).isBetween(5L, 7L);
            assertThat(firstSaveRound.get("cpu/0")).as("the first saves of groups that came together are apart")
                    .isBetween(30, 60).isNotEqualTo(firstSaveRound.get("cpu/1"));
            assertThat(firstSaveRound.get("cpu/1")).isBetween(30, 60);
            assertThat(watch.saveAll(round(400).epochMs())).isEqualTo(2);
        }
        assertThat(saved).hasSizeGreaterThan(14);
    }

    @Test
    void closingSavesEverythingAndClosesOngoingAnomalies() {
        AnomalyWatch watch = new AnomalyWatch(SETTINGS, repository, listener);
        feed(watch, CPU0, 0, SPIKE_ROUND + 1);
        int savesBefore = repository.saves();
        watch.close();
        watch.close();

        assertThat(repository.saves()).isEqualTo(savesBefore + 1);
        assertThat(listener.ended).singleElement().extracting(Anomaly::lifecycle).isEqualTo(Anomaly.Lifecycle.CLOSED);
        assertThat(watch.ongoing()).isEmpty();
        assertThatThrownBy(() -> watch.observe(CPU0, round(SPIKE_ROUND + 1)))
                .isInstanceOf(IllegalStateException.class).hasMessage("the anomaly watch is closed; round of cpu/0 not observed");
    }

    @Test
    void anotherWatchGoesOnWhereTheClosedOneStopped() {
        try (AnomalyWatch first = new AnomalyWatch(SETTINGS, repository, AnomalyListener.NONE)) {
            feed(first, CPU0, 0, 500);
        }
        try (AnomalyWatch second = new AnomalyWatch(SETTINGS, repository, listener)) {
            assertThat(second.observe(CPU0, round(500)).status()).isEqualTo(RoundVerdict.Status.SCORED);
            assertThat(listener.kinds()).containsExactly(DetectorEvent.Kind.RESTORED);
            assertThat(second.detectors()).singleElement().extracting(DetectorStatus::roundsFed).isEqualTo(501L);
        }
    }

    @Test
    void aSavedStateThatDoesNotFitStartsAFreshDetectorWithTheReason() {
        repository.put("cpu/0", new byte[] {1, 2, 3});
        try (AnomalyWatch watch = new AnomalyWatch(SETTINGS, repository, listener)) {
            watch.observe(CPU0, round(0));
            assertThat(listener.events).singleElement().satisfies(e -> {
                assertThat(e.kind()).isEqualTo(DetectorEvent.Kind.STARTED_FRESH);
                assertThat(e.reason()).isEqualTo("saved state not used: not a saved detector: 3 bytes without the ASAD header");
            });
        }
    }

    @Test
    void aFailingRepositoryIsReportedAndDetectionGoesOn() {
        DetectorStateRepository broken = new DetectorStateRepository() {
            @Override
            public Optional<byte[]> load(String groupId) {
                throw new IllegalStateException("database is locked");
            }

            @Override
            public void save(String groupId, byte[] state) {
                throw new IllegalStateException("disk full");
            }
        };
        try (AnomalyWatch watch = new AnomalyWatch(SETTINGS, broken, listener)) {
            feed(watch, CPU0, 0, SPIKE_ROUND + 1);
            assertThat(listener.events.getFirst().reason()).isEqualTo("loading the saved state failed: java.lang.IllegalStateException: database is locked");
            assertThat(listener.events).filteredOn(e -> e.kind() == DetectorEvent.Kind.SAVE_FAILED).isNotEmpty()
                    .allSatisfy(e -> assertThat(e.reason()).isEqualTo("java.lang.IllegalStateException: disk full"));
            assertThat(listener.started).hasSize(1);
        }
    }

    @Test
    void aThrowingListenerIsCountedAndDetectionGoesOn() {
        try (AnomalyWatch watch = new AnomalyWatch(SETTINGS, repository, new ThrowingListener())) {
            feed(watch, CPU0, 0, SPIKE_ROUND + 30);
            assertThat(watch.recent()).hasSize(1);
            assertThat(watch.listenerFailures()).isEqualTo(3);
        }
    }

    @Test
    void groupsFedFromSeveralThreadsWhileQueried() throws Exception {
        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        WatchSettings neverIdle = new WatchSettings(SETTINGS.detector(), SETTINGS.episodes(), SETTINGS.saveInterval(), Duration.ofDays(1), 50);
        try (AnomalyWatch watch = new AnomalyWatch(neverIdle, repository, listener)) {
            List<Future<?>> feeders = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                SignalGroup group = SignalGroup.of("disk", "sd" + (char) ('a' + t), CPU0.signals());
                feeders.add(pool.submit(() -> feed(watch, group, 0, SPIKE_ROUND + 30)));
            }
            while (feeders.stream().anyMatch(f -> !f.isDone())) {
                assertThat(watch.ongoing().size() + watch.recent().size()).isLessThanOrEqualTo(threads);
                assertThat(watch.detectors().size()).isLessThanOrEqualTo(threads);
            }
            for (Future<?> feeder : feeders) {
                feeder.get();
            }
            assertThat(watch.detectors()).hasSize(threads).allSatisfy(s -> assertThat(s.roundsFed()).isEqualTo(SPIKE_ROUND + 30));
            assertThat(watch.recent()).hasSize(threads);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anObservationOfTheWrongLengthIsRefused() {
        try (AnomalyWatch watch = new AnomalyWatch(SETTINGS, repository, listener)) {
            assertThatThrownBy(() -> watch.observe(CPU0, new Observation(1, new double[] {1})))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 values for group cpu/0 of 4 signals");
            assertThat(watch.detectors()).isEmpty();
        }
    }
}
