package dev.asios.health.anomaly;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records every call, for tests; thread-safe. */
final class RecordingListener implements AnomalyListener {

    final List<Anomaly> started = new CopyOnWriteArrayList<>();
    final List<Anomaly> ended = new CopyOnWriteArrayList<>();
    final List<DetectorEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void started(Anomaly anomaly) {
        started.add(anomaly);
    }

    @Override
    public void ended(Anomaly anomaly) {
        ended.add(anomaly);
    }

    @Override
    public void detectorChanged(DetectorEvent event) {
        events.add(event);
    }

    List<DetectorEvent.Kind> kinds() {
        return events.stream().map(DetectorEvent::kind).toList();
    }
}
