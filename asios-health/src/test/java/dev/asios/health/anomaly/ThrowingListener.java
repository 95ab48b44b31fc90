package dev.asios.health.anomaly;

/** A listener that throws on every call, naming the call, for tests of what survives it. */
final class ThrowingListener implements AnomalyListener {

    @Override
    public void started(Anomaly anomaly) {
        throw new IllegalStateException("started");
    }

    @Override
    public void ended(Anomaly anomaly) {
        throw new IllegalStateException("ended");
    }

    @Override
    public void detectorChanged(DetectorEvent event) {
        throw new IllegalStateException("detectorChanged");
    }
}
