package dev.asios.health.anomaly;

/**
 * Told about the transitions of anomalies and detectors, for the agent to turn into audit events
 * and findings. Called on the thread that fed the round, inside the watch's lock of that group:
 * return quickly, hand slow work to another thread. An exception thrown here is counted by the
 * caller ({@link AnomalyWatch#listenerFailures()}), never stops detection.
 */
public interface AnomalyListener {

    /** An anomaly started: its first anomalous round. */
    void started(Anomaly anomaly);

    /** An anomaly ended (quiet rounds) or was closed (its detector went away). */
    void ended(Anomaly anomaly);

    /** A detector was created, restored, replaced, dropped or could not be saved; none by default. */
    default void detectorChanged(DetectorEvent event) {
    }

    /** A listener that ignores everything. */
    AnomalyListener NONE = new AnomalyListener() {
        @Override
        public void started(Anomaly anomaly) {
        }

        @Override
        public void ended(Anomaly anomaly) {
        }
    };
}
