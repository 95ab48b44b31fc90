package dev.asios.health.anomaly;

import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The watch's record of anomalies, ongoing and recently ended, for queries from any thread, and
 * the forwarder of every transition to the agent's listener, counting (never passing on) what
 * that listener throws.
 */
final class AnomalyLog implements AnomalyListener {

    private final AnomalyListener downstream;
    private final int recentCapacity;
    private final Map<String, Anomaly> ongoing = new ConcurrentHashMap<>();
    private final Deque<Anomaly> recent = new ArrayDeque<>();
    private final LongAdder failures = new LongAdder();

    AnomalyLog(AnomalyListener downstream, int recentCapacity) {
        this.downstream = downstream;
        this.recentCapacity = recentCapacity;
    }

    @Override
    public void started(Anomaly anomaly) {
        ongoing.put(anomaly.groupId(), anomaly);
        forward(() -> downstream.started(anomaly));
    }

    @Override
    public void ended(Anomaly anomaly) {
        ongoing.remove(anomaly.groupId());
        synchronized (recent) {
            recent.addFirst(anomaly);
            while (recent.size() > recentCapacity) {
                recent.removeLast();
            }
        }
        forward(() -> downstream.ended(anomaly));
    }

    @Override
    public void detectorChanged(DetectorEvent event) {
        forward(() -> downstream.detectorChanged(event));
    }

    /** Keeps the latest snapshot of a group's ongoing anomaly (its peak and contributors move). */
    void refresh(Anomaly current) {
        ongoing.replace(current.groupId(), current);
    }

    /** The ongoing anomalies, earliest start first. */
    List<Anomaly> ongoing() {
        return ongoing.values().stream().sorted(Comparator.comparingLong(Anomaly::startEpochMs).thenComparing(Anomaly::groupId)).toList();
    }

    /** The ended anomalies kept, latest ended first. */
    List<Anomaly> recent() {
        synchronized (recent) {
            return List.copyOf(recent);
        }
    }

    long failures() {
        return failures.sum();
    }

    private void forward(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            failures.increment();
        }
    }
}
