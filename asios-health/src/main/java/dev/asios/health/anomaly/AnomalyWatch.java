package dev.asios.health.anomaly;

import dev.asios.health.signal.Observation;
import dev.asios.health.signal.SignalGroup;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The learned detection of many groups: one {@link ForestDetector} and {@link EpisodeTracker} per
 * group id, created on the group's first round (restored from the {@link DetectorStateRepository}
 * when its saved state fits). A group whose signals changed gets a fresh detector; a group not
 * seen for {@link WatchSettings#dropAfter()} is saved and dropped. Each detector is saved every
 * {@link WatchSettings#saveInterval()} and on {@link #close()}. Every transition goes to the
 * listener: anomalies started and ended, detectors started, restored, replaced, dropped or not
 * saved, each with its reason.
 *
 * <p>Time is the observations' {@code epochMs}: the latest one seen, of any group, is "now" for
 * dropping idle groups, checked at most once per tenth of {@code dropAfter}. Feed every group
 * with the same clock (the collection round's time), or a group behind the others is dropped.
 *
 * <p>Thread-safe: rounds of different groups may be fed from different threads at once (each
 * group has its own lock; rounds of one group are processed one at a time, in call order), and
 * the queries may be called from any thread; they read snapshots and do not wait for a round.
 * Saving to the repository and the listener's calls happen on the thread that fed the round.
 */
public final class AnomalyWatch implements AutoCloseable {

    private final WatchSettings settings;
    private final DetectorStateRepository repository;
    private final AnomalyLog log;
    private final Map<String, WatchedGroup> groups = new ConcurrentHashMap<>();
    private final Object dropLock = new Object();
    private long nextDropCheckEpochMs = Long.MIN_VALUE;
    private volatile boolean closed;

    /** A watch with no groups yet, that saves to {@code repository} and tells {@code listener}. */
    public AnomalyWatch(WatchSettings settings, DetectorStateRepository repository, AnomalyListener listener) {
        this.settings = settings;
        this.repository = repository;
        this.log = new AnomalyLog(listener, settings.recentAnomalies());
    }

    /**
     * Feeds one round of {@code group} and says what its detector made of it.
     *
     * @throws IllegalArgumentException if the observation does not have one value per signal
     * @throws IllegalStateException if the watch is closed
     */
    public RoundVerdict observe(SignalGroup group, Observation observation) {
        ForestDetector.requireFits(group, observation);
        RoundVerdict verdict = null;
        while (verdict == null) {
            if (closed) {
                throw new IllegalStateException("the anomaly watch is closed; round of " + group.id() + " not observed");
            }
            WatchedGroup watched = groups.computeIfAbsent(group.id(), id -> new WatchedGroup(settings, repository, log));
            synchronized (watched) {
                if (!watched.closed()) {
                    verdict = watched.observe(group, observation);
                }
            }
        }
        dropIdle(observation.epochMs());
        return verdict;
    }

    /** Saves and drops the groups not seen for {@code dropAfter} before {@code nowEpochMs}, at most once per tenth of it. */
    private void dropIdle(long nowEpochMs) {
        synchronized (dropLock) {
            if (nowEpochMs < nextDropCheckEpochMs) {
                return;
            }
            nextDropCheckEpochMs = nowEpochMs + settings.dropAfter().toMillis() / 10;
        }
        long idleBeforeEpochMs = nowEpochMs - settings.dropAfter().toMillis();
        for (Map.Entry<String, WatchedGroup> entry : groups.entrySet()) {
            WatchedGroup watched = entry.getValue();
            synchronized (watched) {
                if (watched.lastSeenEpochMs() < idleBeforeEpochMs && groups.remove(entry.getKey(), watched)) {
                    watched.close(nowEpochMs);
                    log.detectorChanged(new DetectorEvent(entry.getKey(), DetectorEvent.Kind.DROPPED, "not seen for "
                            + (nowEpochMs - watched.lastSeenEpochMs()) / 1000 + " s, longer than " + settings.dropAfter().toSeconds() + " s", nowEpochMs));
                }
            }
        }
    }

    /** The anomalies going on now, earliest start first. */
    public List<Anomaly> ongoing() {
        return log.ongoing();
    }

    /** The anomaly going on now in {@code groupId}, if any. */
    public Optional<Anomaly> ongoing(String groupId) {
        return log.ongoing().stream().filter(a -> a.groupId().equals(groupId)).findFirst();
    }

    /** The latest ended anomalies, up to {@link WatchSettings#recentAnomalies()}, latest ended first. */
    public List<Anomaly> recent() {
        return log.recent();
    }

    /** Each watched group's detector: what it has learned and skipped, by group id. */
    public List<DetectorStatus> detectors() {
        List<DetectorStatus> statuses = new ArrayList<>();
        for (WatchedGroup watched : groups.values()) {
            synchronized (watched) {
                watched.status().ifPresent(statuses::add);
            }
        }
        statuses.sort(Comparator.comparing(DetectorStatus::groupId));
        return statuses;
    }

    /** How many times the listener threw; those calls were skipped, detection went on. */
    public long listenerFailures() {
        return log.failures();
    }

    /**
     * Saves every detector now (for example before a planned stop); failures are reported to the
     * listener.
     *
     * @param nowEpochMs the time of the save, for the events and the next saves
     * @return how many detectors were saved (those still calibrating have nothing to save)
     */
    public int saveAll(long nowEpochMs) {
        int saved = 0;
        for (WatchedGroup watched : groups.values()) {
            synchronized (watched) {
                saved += watched.status().isPresent() && watched.save(nowEpochMs) ? 1 : 0;
            }
        }
        return saved;
    }

    /**
     * Saves every detector, closes every ongoing anomaly ({@link Anomaly.Lifecycle#CLOSED}) and
     * stops the watch; later rounds are refused. Calling it again does nothing.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (WatchedGroup watched : groups.values()) {
            synchronized (watched) {
                watched.close(watched.lastSeenEpochMs());
            }
        }
        groups.clear();
    }
}
