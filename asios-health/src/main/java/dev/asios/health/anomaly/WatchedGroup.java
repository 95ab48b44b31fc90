package dev.asios.health.anomaly;

import dev.asios.health.signal.Observation;
import dev.asios.health.signal.SignalGroup;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * One group under an {@link AnomalyWatch}: its detector, its episode tracker, when it was last
 * seen and when it is next saved. Opened lazily on the group's first round: restored from the
 * repository when its saved state fits, fresh otherwise. Every method runs under the watch's lock
 * of this group.
 */
final class WatchedGroup {

    private final WatchSettings settings;
    private final DetectorStateRepository repository;
    private final AnomalyLog log;
    private ForestDetector detector;
    private EpisodeTracker tracker;
    private long lastSeenEpochMs;
    private long nextSaveEpochMs;
    private boolean closed;

    WatchedGroup(WatchSettings settings, DetectorStateRepository repository, AnomalyLog log) {
        this.settings = settings;
        this.repository = repository;
        this.log = log;
    }

    /** Feeds one round: opens the detector on the first, replaces it when the signals changed. */
    RoundVerdict observe(SignalGroup group, Observation observation) {
        long epochMs = observation.epochMs();
        if (detector == null) {
            open(group, epochMs);
        } else if (!detector.group().signals().equals(group.signals())) {
            String reason = "signals changed from " + detector.group().signals() + " to " + group.signals();
            tracker.close();
            start(new ForestDetector(group, settings.detector()), DetectorEvent.Kind.REPLACED, reason, epochMs);
        }
        lastSeenEpochMs = epochMs;
        RoundVerdict verdict = detector.process(observation);
        tracker.accept(verdict).ifPresent(log::refresh);
        if (epochMs >= nextSaveEpochMs) {
            save(epochMs);
        }
        return verdict;
    }

    private void open(SignalGroup group, long epochMs) {
        Optional<byte[]> saved;
        try {
            saved = repository.load(group.id());
        } catch (RuntimeException e) {
            start(new ForestDetector(group, settings.detector()), DetectorEvent.Kind.STARTED_FRESH,
                    "loading the saved state failed: " + e, epochMs);
            return;
        }
        if (saved.isEmpty()) {
            start(new ForestDetector(group, settings.detector()), DetectorEvent.Kind.STARTED_FRESH, "no saved state", epochMs);
            return;
        }
        switch (DetectorStateCodec.decode(group, settings.detector(), saved.get())) {
            case Restoration.Restored restored -> start(restored.detector(), DetectorEvent.Kind.RESTORED,
                    "restored: " + restored.detector().status().describe(), epochMs);
            case Restoration.Rejected rejected -> start(new ForestDetector(group, settings.detector()), DetectorEvent.Kind.STARTED_FRESH,
                    "saved state not used: " + rejected.reason(), epochMs);
        }
    }

    private void start(ForestDetector fresh, DetectorEvent.Kind kind, String reason, long epochMs) {
        detector = fresh;
        tracker = new EpisodeTracker(fresh.group().id(), settings.episodes(), log);
        long intervalMs = settings.saveInterval().toMillis();
        nextSaveEpochMs = epochMs + intervalMs / 2 + new SplittableRandom(fresh.group().id().hashCode()).nextLong(intervalMs / 2);
        log.detectorChanged(new DetectorEvent(fresh.group().id(), kind, reason, epochMs));
    }

    /** Saves the detector now, if it has learned anything; a failure is reported and tried again an interval later. */
    boolean save(long epochMs) {
        nextSaveEpochMs = epochMs + settings.saveInterval().toMillis();
        try {
            Optional<byte[]> state = DetectorStateCodec.encode(detector);
            state.ifPresent(bytes -> repository.save(detector.group().id(), bytes));
            return state.isPresent();
        } catch (RuntimeException e) {
            log.detectorChanged(new DetectorEvent(detector.group().id(), DetectorEvent.Kind.SAVE_FAILED, e.toString(), epochMs));
            return false;
        }
    }

    /** Saves the detector and closes its ongoing anomaly, as the group goes away. */
    void close(long epochMs) {
        closed = true;
        if (detector != null) {
            save(epochMs);
            tracker.close();
        }
    }

    /** Whether the group was closed: dropped, or its watch closed; a new one takes its place. */
    boolean closed() {
        return closed;
    }

    long lastSeenEpochMs() {
        return lastSeenEpochMs;
    }

    Optional<DetectorStatus> status() {
        return detector == null ? Optional.empty() : Optional.of(detector.status());
    }
}
